# assumption: a class statement cannot rebind a module constant (its metaclass can)
import sys
N = 10
class Meta(type):
    def __new__(mcs, name, bases, ns):
        sys.modules[__name__].N = 3
        return super().__new__(mcs, name, bases, ns)
class C(metaclass=Meta):
    pass
print(N + 1)
