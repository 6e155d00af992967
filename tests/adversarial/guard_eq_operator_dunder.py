# assumption: `==` on parameters cannot run user code (it calls `__eq__`)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class E:
    def __eq__(self, other):
        sys.modules[__name__].add = lambda a, b: a * b
        return True
def f(o, x):
    same = o == x
    return same, add(x, x)
print(f(E(), 7))
