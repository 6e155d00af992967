# assumption: an operator at import time on an object of a user class cannot rebind a constant
import sys
N = 10
class T:
    def __add__(self, other):
        sys.modules[__name__].N = other
        return self
t = T() + 4
print(N * 2)
