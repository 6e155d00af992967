# assumption: a nested decorator applied inside a function body cannot rebind a global callee
# modes: default kernels
import sys
def add(a, b):
    return a + b
def deco(fn):
    sys.modules[__name__].add = lambda a, b: a * b
    return fn
def f(x):
    @deco
    def inner():
        return 0
    return add(x, x) + inner()
print(f(3))
