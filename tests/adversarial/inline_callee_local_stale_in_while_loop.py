# assumption: an inlined callee's local bound only in a branch is unbound again on the next call from a while loop
def pick(i):
    if i == 0:
        found = "zero"
    return found
def f():
    i = 0
    out = []
    while i < 2:
        try:
            out.append(pick(i))
        except UnboundLocalError:
            out.append("unbound")
        i += 1
    return out
print(f())
