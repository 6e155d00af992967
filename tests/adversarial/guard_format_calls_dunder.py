# assumption: `format(o, spec)` cannot run user code (it calls `o.__format__`)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class F:
    def __format__(self, spec):
        sys.modules[__name__].add = lambda a, b: a * b
        return "F" + spec
def f(o, x):
    s = format(o, "x")
    return s, add(x, x)
print(f(F(), 6))
