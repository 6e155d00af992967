# assumption: `raise E(g(y)) from h()` evaluates the exception before the cause
def h():
    print("h")
    return None
def g(y):
    print("g body", y)
    z = y * 2
    return z
def f(y):
    raise ValueError(g(y)) from h()
try:
    f(3)
except ValueError as e:
    print("ValueError", e)
