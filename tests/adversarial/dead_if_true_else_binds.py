# assumption: names bound in an `else` of `if True:` are still local
z = 5
def f():
    if True:
        pass
    else:
        z = 1
    try:
        return z
    except UnboundLocalError:
        return "unbound"
print(f())
