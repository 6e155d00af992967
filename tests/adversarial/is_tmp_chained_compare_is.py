# assumption: a chained comparison `0 < x is not None` in an inlined callee with a literal argument stays warning-free
def ok(x):
    return 0 < x is not None
def g():
    return ok(5), ok(-1)
print(g())
