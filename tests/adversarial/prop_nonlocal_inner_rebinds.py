# assumption: a local rebound by a nested function through `nonlocal` is not propagated
def f():
    x = 1
    def g():
        nonlocal x
        x = 2
    g()
    return x
print(f())
