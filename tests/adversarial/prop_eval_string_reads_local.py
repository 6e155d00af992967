# assumption: a local read only by an `eval` string is not removed as dead
def f():
    secret = 41
    return eval("secret + 1")
print(f())
