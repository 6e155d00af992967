# assumption: a callee's `x += 1` on its parameter never changes the caller's variable
def g(x):
    x += 1
    return x
def f():
    n = 1
    r = g(n)
    return n, r
print(f())
