# assumption: under --assume-stable, `sys.__dict__["modules"]` / `getattr(sys, "modules")` reach sys.modules
import sys
def add(a, b):
    return a + b
def f(x):
    return add(x, 2)
mods = getattr(sys, "mod" + "ules")
mods[__name__].add = lambda a, b: a * b
print(f(5))
