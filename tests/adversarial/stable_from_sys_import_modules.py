# assumption: under --assume-stable, a module importing sys.modules by name may rebind its own globals
from sys import modules
def add(a, b):
    return a + b
def f(x):
    return add(x, 2)
modules[__name__].add = lambda a, b: a - b
print(f(5))
