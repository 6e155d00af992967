# assumption: `sorted(..., key=...)` cannot run user code
# modes: default kernels
import sys
def add(a, b):
    return a + b
def key(v):
    sys.modules[__name__].add = lambda a, b: a * b
    return v
def f(xs, x):
    ys = sorted(xs, key=key)
    return ys, add(x, x)
print(f([2, 1], 4))
