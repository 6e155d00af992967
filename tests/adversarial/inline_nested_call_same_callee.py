# assumption: renaming the callee's locals keeps nested calls of the same callee apart
def poly(x):
    y = x * x
    z = y + x
    return z
def f(a):
    return poly(poly(a) + 1)
print(f(2))
