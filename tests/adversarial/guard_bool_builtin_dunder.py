# assumption: `bool(o)` cannot run user code (it calls `__bool__`)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class B:
    def __bool__(self):
        sys.modules[__name__].add = lambda a, b: a * b
        return False
def f(o, x):
    flag = bool(o)
    return flag, add(x, x)
print(f(B(), 3))
