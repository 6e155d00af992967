# assumption: defining a class inside a function runs no user code that could rebind a callee
# modes: default kernels
import sys
def add(a, b):
    return a + b
class Meta(type):
    def __new__(mcs, name, bases, ns):
        sys.modules[__name__].add = lambda a, b: a * b
        return super().__new__(mcs, name, bases, ns)
def f(x):
    class Local(metaclass=Meta):
        pass
    return add(x, x)
print(f(3))
