# assumption: `print(o, add(1, 2))`: `o.__repr__` runs only after add(1, 2) was called (arguments are evaluated first), so the first call uses the old add
import sys
def add(a, b):
    return a + b
class O:
    def __repr__(self):
        sys.modules[__name__].add = lambda a, b: a * b
        return "O"
def f():
    print(O(), add(1, 2))
    print(add(1, 2))
f()
