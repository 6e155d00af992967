# assumption: a guard in the right operand of `or` is checked after the left operand ran (it rebinds the callee)
import sys
def add(a, b):
    return a + b
def rebind():
    sys.modules[__name__].add = lambda a, b: a * b
    return 0
def f():
    return rebind() or add(3, 4)
print(f(), f())
