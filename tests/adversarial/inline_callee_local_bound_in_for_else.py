# assumption: a callee binding a local only in one branch of an if/elif is not inlined into a loop (the name would keep an old value)
def pick(k):
    if k == 1:
        w = "one"
    elif k == 2:
        w = "two"
    return w
def use():
    out = []
    for k in (1, 3, 2, 5):
        try:
            out.append(pick(k))
        except UnboundLocalError:
            out.append("unbound")
    return out
print(use())
