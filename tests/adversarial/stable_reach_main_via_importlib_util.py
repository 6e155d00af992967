# assumption: under --assume-stable, `from importlib import import_module` reaches module objects
from importlib import import_module
def add(a, b):
    return a + b
def f(x):
    return add(x, 2)
import_module("__main__").add = lambda a, b: a * b
print(f(5))
