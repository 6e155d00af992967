# assumption: a callee that reads its local before binding it raises UnboundLocalError on every call, not only the first
def g(c):
    if c:
        acc = 0
    acc = acc + 1
    return acc
def f():
    out = []
    for c in [True, False, False]:
        try:
            v = g(c)
        except UnboundLocalError:
            v = "unbound"
        out.append(v)
    return out
print(f())
