# assumption: inlining a callee that reads a global into a caller with a parameter of that name reads the global
rate = 3
def charge(x):
    return x * rate
def f(x, rate):
    return charge(x), rate
print(f(2, 100))
