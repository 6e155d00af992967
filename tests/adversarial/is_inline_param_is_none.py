# assumption: inlining `x is None` with a literal argument must not produce `1 is None`
def missing(x):
    return x is None
def f():
    return missing(1), missing(None)
print(f())
