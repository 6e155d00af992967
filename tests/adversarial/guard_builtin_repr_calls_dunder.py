# assumption: `repr(o)` cannot run user code (it calls `o.__repr__`)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class R:
    def __repr__(self):
        sys.modules[__name__].add = lambda a, b: a * b
        return "R"
def f(o, x):
    s = repr(o)
    return s, add(x, x)
print(f(R(), 4))
