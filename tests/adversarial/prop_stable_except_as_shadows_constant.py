# assumption: `except ... as N` in a function makes N local (the module constant is not read)
N = 10
def f():
    try:
        raise ValueError("v")
    except ValueError as N:
        r = str(N)
    return r
def g():
    try:
        return N
    except UnboundLocalError:
        return "unbound"
    finally:
        pass
print(f(), g())
