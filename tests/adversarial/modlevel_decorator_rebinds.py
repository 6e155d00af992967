# assumption: a decorator applied at import time between a def and a use cannot rebind the callee
import sys
def add(a, b):
    return a + b
def deco(fn):
    sys.modules[__name__].add = lambda a, b: a * b
    return fn
@deco
def other():
    return 0
print(add(2, 3))
