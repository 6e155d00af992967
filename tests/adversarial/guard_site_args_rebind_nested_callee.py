# assumption: an argument that rebinds a callee of the inlined callee is evaluated before that callee is read
import sys
def inner(a):
    return a + 1
def outer(a):
    return inner(a) * 2
def rebind():
    sys.modules[__name__].inner = lambda a: a + 100
    return 1
def f():
    return outer(rebind())
print(f())
