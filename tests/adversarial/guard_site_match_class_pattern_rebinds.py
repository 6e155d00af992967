# assumption: a class pattern's `__instancecheck__` runs before the case body: the body's guard sees its rebinding
import sys
def add(a, b):
    return a + b
class Meta(type):
    def __instancecheck__(cls, obj):
        sys.modules[__name__].add = lambda a, b: a * b
        return True
class P(metaclass=Meta):
    pass
def f(v):
    match v:
        case P():
            return add(3, 5)
    return None
print(f(0))
