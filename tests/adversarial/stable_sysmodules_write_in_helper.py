# assumption: under --assume-stable a name written through `sys.modules[__name__]` in the module itself is not stable
# modes: stable
import sys
def add(a, b):
    return a + b
def patch():
    sys.modules[__name__].add = lambda a, b: a * b
def f(x):
    patch()
    return add(x, x)
print(f(3))
