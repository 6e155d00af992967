# assumption: one guard covers two inlined calls with a rebinding in between
# modes: default kernels
import sys
def add(a, b):
    return a + b
def twice(x):
    return x + x
class Loud:
    def __repr__(self):
        sys.modules[__name__].add = lambda a, b: a * b
        return "loud"
def f(o, x):
    first = add(x, x)
    print(o)
    second = add(x, x)
    return first, second, twice(x)
print(f(Loud(), 3))
