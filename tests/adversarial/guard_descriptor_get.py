# assumption: reading an attribute cannot run user code (a descriptor's `__get__` can)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class D:
    def __get__(self, obj, owner):
        sys.modules[__name__].add = lambda a, b: a * b
        return 4
class C:
    d = D()
def f(o):
    x = o.d
    return add(x, x)
print(f(C()))
