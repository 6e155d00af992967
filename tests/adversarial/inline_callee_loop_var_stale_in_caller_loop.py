# assumption: an inlined callee's loop variable is unbound after an empty loop at every call
def last(xs):
    for v in xs:
        pass
    return v
def f():
    out = []
    for xs in [[1, 2], []]:
        try:
            out.append(last(xs))
        except UnboundLocalError:
            out.append("unbound")
    return out
print(f())
