# assumption: a callee loop target named like a parameter rebinds only the callee's parameter
def g(x, xs):
    for x in xs:
        pass
    return x
def f():
    n = "caller"
    r = g(n, [1, 2])
    return n, r
print(f())
