# assumption: a guard in a conditional expression's branch is checked after the test ran (it rebinds the callee)
import sys
def add(a, b):
    return a + b
def rebind():
    sys.modules[__name__].add = lambda a, b: a - b
    return True
def f():
    return add(10, 4) if rebind() else 0
print(f())
