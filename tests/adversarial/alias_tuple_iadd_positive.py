# assumption: `+=` on a tuple rebinds (no alias changes); folding it is right and must stay right
def g():
    t = (1,)
    u = t
    u += (2,)
    return t, u
print(g())
