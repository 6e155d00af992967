# assumption: a statement-level inlined callee whose argument rebinds a callee it calls reads that callee after the argument
import sys
def inner(a):
    return a + 1
def outer(a, b):
    t = inner(a)
    return t * b
def rebind():
    sys.modules[__name__].inner = lambda a: a + 100
    return 1
def f():
    r = outer(rebind(), 2)
    return r
print(f())
