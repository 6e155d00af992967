# assumption: an `if o:` test cannot run user code (it calls `__bool__`)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class B:
    def __bool__(self):
        sys.modules[__name__].add = lambda a, b: a * b
        return True
def f(o, x):
    if o:
        x = x + 0
    return add(x, x)
print(f(B(), 3))
