# assumption: the callee is read before its arguments run: an argument that rebinds the callee does not change this call
import sys
def add(a, b):
    return a + b
def rebind(v):
    sys.modules[__name__].add = lambda a, b: a * b
    return v
def f():
    first = add(rebind(3), 4)
    second = add(3, 4)
    return first, second
print(f())
