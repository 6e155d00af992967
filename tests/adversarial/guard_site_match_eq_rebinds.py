# assumption: a guarded call in a `case` body is checked after the match ran the subject's `__eq__` (which rebinds)
import sys
def add(a, b):
    return a + b
class S:
    def __eq__(self, other):
        sys.modules[__name__].add = lambda a, b: a * b
        return True
def f(s):
    match s:
        case 1:
            return add(3, 3)
    return None
print(f(S()))
