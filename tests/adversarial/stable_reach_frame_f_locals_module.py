# assumption: under --assume-stable, a module frame's `f_locals` is the module namespace (writes rebind globals)
import sys
def add(a, b):
    return a + b
def f(x):
    return add(x, 2)
def patch():
    sys._getframe(1).f_locals["add"] = lambda a, b: a * b
patch()
print(f(5))
