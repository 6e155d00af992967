# assumption: an f-string replacement field cannot run user code (it calls `__format__`)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class F:
    def __format__(self, spec):
        sys.modules[__name__].add = lambda a, b: a * b
        return "F"
def f(o, x):
    s = f"{o}"
    return s, add(x, x)
print(f(F(), 6))
