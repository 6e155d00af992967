# assumption: a local bound to a literal, propagated into `is not`, never yields `'s' is not x`
def g(x):
    k = "s"
    m = (1, 2)
    return k is not x, m is x, x is k
print(g(None))
