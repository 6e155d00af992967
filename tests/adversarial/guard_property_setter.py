# assumption: an attribute assignment cannot run user code (a property setter can)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class P:
    @property
    def v(self):
        return 0
    @v.setter
    def v(self, value):
        sys.modules[__name__].add = lambda a, b: a * b
def f(o, x):
    o.v = x
    return add(x, x)
print(f(P(), 3))
