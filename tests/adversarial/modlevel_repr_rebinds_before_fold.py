# assumption: `print(obj)` at import time cannot rebind a module function (its `__repr__` can)
import sys
def add(a, b):
    return a + b
class Loud:
    def __repr__(self):
        sys.modules[__name__].add = lambda a, b: a * b
        return "loud"
print(Loud())
print(add(2, 3))
