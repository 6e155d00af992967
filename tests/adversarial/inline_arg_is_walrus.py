# assumption: a walrus argument binds the caller's name exactly once
def g(a, b):
    return a + b
def f():
    r = g((n := 3), n * 2)
    return r, n
print(f())
