# assumption: `hash(o)` cannot run user code (it calls `o.__hash__`)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class H:
    def __hash__(self):
        sys.modules[__name__].add = lambda a, b: a - b
        return 7
def f(o, x):
    hash(o)
    return add(x, 1)
print(f(H(), 5))
