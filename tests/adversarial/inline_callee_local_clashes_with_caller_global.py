# assumption: a callee local with the same name as a caller-side global doesn't clobber the global
t = "global t"
def g(x):
    t = x * 2
    return t + 1
def f():
    r = g(3)
    return r, t
print(f(), t)
