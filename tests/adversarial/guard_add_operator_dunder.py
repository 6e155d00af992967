# assumption: `o + 1` cannot run user code (it calls `__add__`)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class A:
    def __add__(self, other):
        sys.modules[__name__].add = lambda a, b: a * b
        return other
def f(o, x):
    y = o + x
    return add(y, y)
print(f(A(), 3))
