# assumption: Python reads the callee name before evaluating the arguments
import sys
def add(a, b):
    return a + b
def rebind():
    sys.modules[__name__].add = lambda a, b: a * b
    return 4
def f():
    return add(rebind(), 5)
print(f(), add(4, 5))
