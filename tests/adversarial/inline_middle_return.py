# assumption: a callee with a return in the middle gives the same result when called
def g(x):
    if x > 0:
        return "pos"
    y = x * 2
    return y
def f():
    return g(1), g(-2)
print(f())
