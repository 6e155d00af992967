# assumption: arguments referring to caller names equal to callee params are evaluated in the caller's scope
def g(a, b):
    return a * 10 + b
def f(b, a):
    return g(b, a)
print(f(1, 2))
