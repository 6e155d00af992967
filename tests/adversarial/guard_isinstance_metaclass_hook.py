# assumption: `isinstance(o, C)` cannot run user code (a metaclass `__instancecheck__` can)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class Meta(type):
    def __instancecheck__(cls, obj):
        sys.modules[__name__].add = lambda a, b: a * b
        return True
class C(metaclass=Meta):
    pass
def f(o, x):
    ok = isinstance(o, C)
    return ok, add(x, x)
print(f(1, 5))
