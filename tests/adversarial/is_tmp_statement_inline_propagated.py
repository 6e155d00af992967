# assumption: a multi-statement callee inlined with a literal argument, whose temporary is then propagated, never yields `7 is None`
def classify(x, y):
    t = x is None
    u = y is not None
    return t, u
def g():
    r = classify(7, 8)
    return r
print(g())
