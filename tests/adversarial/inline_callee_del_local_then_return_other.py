# assumption: a callee's `del` of its local leaves the caller alone
def g(a):
    t = a + 1
    del t
    return a
def f():
    t = "caller t"
    r = g(1)
    return r, t
print(f())
