# assumption: an argument local is read before the callee body runs, even if the body calls code that rebinds it via nonlocal
def g(a, b):
    b()
    return a
def f():
    n = 1
    def bump():
        nonlocal n
        n = 99
    r = g(n, bump)
    return r, n
print(f())
