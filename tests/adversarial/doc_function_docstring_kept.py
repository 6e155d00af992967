# assumption: a function's docstring is kept, and no string becomes one after dead code goes
def f():
    "doc of f"
    return 1
def g():
    x = 1
    "not doc"
    return x
def h():
    if False:
        pass
    "not doc either"
    return 2
print(f.__doc__, g.__doc__, h.__doc__, f(), g(), h())
