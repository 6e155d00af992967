# assumption: an inlined callee's conditionally bound local starts unbound at every call (a caller loop must not see the last call's value)
def g(c):
    if c:
        y = "bound"
    return y
def f():
    out = []
    for c in [True, False]:
        try:
            r = g(c)
        except UnboundLocalError:
            r = "unbound"
        out.append(r)
    return out
print(f())
