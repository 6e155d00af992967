# assumption: a name bound only under `while 0:` is still local
y = "global"
def f():
    while 0:
        y = 1
    try:
        return y
    except UnboundLocalError:
        return "unbound"
print(f())
