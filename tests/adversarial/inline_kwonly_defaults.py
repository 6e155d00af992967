# assumption: keyword-only defaults are used exactly when the keyword is absent
def fmt(v, *, sep="-", n=2):
    return sep.join([str(v)] * n)
def f(v):
    return fmt(v), fmt(v, n=3), fmt(v, sep="+")
print(f(7))
