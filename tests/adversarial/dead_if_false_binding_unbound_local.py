# assumption: a name bound only under `if False:` is still local, so reading it raises UnboundLocalError
x = "global"
def f():
    if False:
        x = 1
    try:
        return x
    except UnboundLocalError:
        return "unbound"
print(f())
