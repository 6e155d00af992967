# assumption: calling a parameter is not guard-safe
# modes: default kernels
import sys
def add(a, b):
    return a + b
def hook():
    sys.modules[__name__].add = lambda a, b: a * b
def f(cb, x):
    cb()
    return add(x, x)
print(f(hook, 3))
