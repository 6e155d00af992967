# assumption: under --assume-stable, a module writing its globals through a frame's f_globals rebinds its own names
import sys
def add(a, b):
    return a + b
def f(x):
    return add(x, 2)
def patch():
    sys._getframe(1).f_globals["add"] = lambda a, b: a - b
patch()
print(f(5))
