# assumption: a `for` over a generator cannot run user code between iterations
# modes: default kernels
import sys
def add(a, b):
    return a + b
def gen():
    yield 1
    sys.modules[__name__].add = lambda a, b: a * b
    yield 2
def f(x):
    out = []
    for v in gen():
        out.append(add(v, x))
    return out
print(f(10))
