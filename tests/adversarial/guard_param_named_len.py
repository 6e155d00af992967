# assumption: a call spelled like a safe builtin is the builtin (a parameter named `len` is not)
# modes: default kernels
import sys
def add(a, b):
    return a + b
def sneaky(v):
    sys.modules[__name__].add = lambda a, b: a * b
    return 3
def f(x, len):
    n = len(x)
    return add(n, n)
print(f("ab", sneaky))
