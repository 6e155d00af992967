# assumption: `range(o)` cannot run user code (it calls `o.__index__`)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class N:
    def __index__(self):
        sys.modules[__name__].add = lambda a, b: a * b
        return 2
def f(n, x):
    k = len(range(n))
    return add(k, x)
print(f(N(), 5))
