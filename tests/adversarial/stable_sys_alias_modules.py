# assumption: under --assume-stable, a module reaching sys.modules under another name (import sys as ...) may rebind its own globals
import sys as system
def add(a, b):
    return a + b
def f(x):
    return add(x, 2)
system.modules[__name__].add = lambda a, b: a - b
print(f(5))
