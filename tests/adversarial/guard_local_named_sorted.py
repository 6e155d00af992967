# assumption: a local bound to a function and named like a builtin is not that builtin
# modes: default kernels
import sys
def add(a, b):
    return a + b
def rebind(v):
    sys.modules[__name__].add = lambda a, b: a * b
    return v
def f(x):
    sorted = rebind
    sorted([x])
    return add(x, x)
print(f(3))
