# assumption: `setattr` is not called by guard-safe code (here a helper uses it on the module)
# modes: default kernels
import sys
def add(a, b):
    return a + b
def patch(name):
    setattr(sys.modules[__name__], name, lambda a, b: a * b)
def f(x):
    patch("add")
    return add(x, x)
print(f(3))
