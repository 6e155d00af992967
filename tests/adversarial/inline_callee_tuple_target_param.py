# assumption: a callee's tuple assignment to its parameter does not touch the caller's local
def g(a, b):
    a, b = b, a
    return a - b
def f():
    x = 1
    y = 5
    r = g(x, y)
    return x, y, r
print(f())
