# assumption: a callee binding a local only inside a `while` body is not inlined (the loop may not run: UnboundLocalError)
def last(n):
    while n > 0:
        v = n
        n -= 1
    return v
def use(ns):
    out = []
    for n in ns:
        try:
            r = last(n)
            out.append(r)
        except UnboundLocalError:
            out.append("unbound")
    return out
print(use([2, 0, 3, 0]))
