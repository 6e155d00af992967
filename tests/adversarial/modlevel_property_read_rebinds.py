# assumption: an attribute read at import time cannot rebind a module function (a property can)
import sys
def double(x):
    return x * 2
class C:
    @property
    def p(self):
        sys.modules[__name__].double = lambda x: x * 3
        return 1
C().p
print(double(5))
