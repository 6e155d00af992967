# assumption: an inlined callee without `return` gives None
def work(a):
    b = a + 1
def f(x):
    r = work(x)
    return r
print(f(1))
