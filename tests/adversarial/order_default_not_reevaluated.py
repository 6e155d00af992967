# assumption: a default computed at def time is not recomputed at each inlined call
count = [0]
def make():
    count[0] += 1
    return count[0]
def g(x=make()):
    return x
def f():
    return g() + g()
print(f(), count)
