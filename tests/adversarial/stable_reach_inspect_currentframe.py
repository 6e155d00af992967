# assumption: under --assume-stable, `inspect.currentframe()` / `.f_back` reach the module frame
import inspect
def add(a, b):
    return a + b
def f(x):
    return add(x, 2)
def patch():
    inspect.currentframe().f_back.f_globals["add"] = lambda a, b: a * b
patch()
print(f(5))
