# assumption: a class statement between a def and a use runs no code that rebinds the callee (`__init_subclass__` can)
import sys
def add(a, b):
    return a + b
class Base:
    def __init_subclass__(cls):
        sys.modules[__name__].add = lambda a, b: a * b
class Child(Base):
    pass
print(add(2, 3))
