# assumption: a callee's walrus on its parameter does not touch the caller's local
def g(a):
    b = (a := a * 3) + 1
    return a + b
def f():
    x = 2
    r = g(x)
    return x, r
print(f())
