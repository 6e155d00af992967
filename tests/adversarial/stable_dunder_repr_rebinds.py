# assumption: under --assume-stable a method of the module's own class rebinding a function makes it unstable
# modes: stable
import sys
def add(a, b):
    return a + b
class Loud:
    def __repr__(self):
        sys.modules[__name__].add = lambda a, b: a * b
        return "loud"
def f(o, x):
    print(o)
    return add(x, x)
print(f(Loud(), 3))
