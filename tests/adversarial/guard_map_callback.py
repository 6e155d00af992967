# assumption: `list(map(g, xs))` cannot run user code
# modes: default kernels
import sys
def add(a, b):
    return a + b
def rebind(v):
    sys.modules[__name__].add = lambda a, b: a * b
    return v
def f(xs, x):
    ys = list(map(rebind, xs))
    return ys, add(x, x)
print(f([1], 4))
