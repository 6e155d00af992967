# assumption: `+=` on a list default inside an inlined callee mutates the one default
def grow(a=[]):
    a += [1]
    return len(a)
def f():
    return grow()
print(f(), f(), grow())
