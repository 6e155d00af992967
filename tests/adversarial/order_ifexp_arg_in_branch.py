# assumption: a parameter used only in one branch is still evaluated exactly once at the call
hits = []
def h(v):
    hits.append(v)
    return v
def pick(c, a):
    return a if c else 0
def f(c):
    return pick(c, h("arg"))
print(f(False), f(True), hits)
