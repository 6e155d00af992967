# assumption: a `for` over a user object cannot run user code (it calls `__iter__`/`__next__`)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class It:
    def __iter__(self):
        sys.modules[__name__].add = lambda a, b: a * b
        return iter([1, 2])
def f(o, x):
    t = 0
    for v in o:
        t = t + v
    return add(t, x)
print(f(It(), 3))
