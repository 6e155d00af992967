# assumption: a call into another module cannot rebind this module's functions
# modes: default kernels
import mod_rebinder
def add(a, b):
    return a + b
def f(x):
    mod_rebinder.rebind_main("add", lambda a, b: a * b)
    return add(x, x)
print(f(3))
