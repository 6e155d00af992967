# assumption: an `import` inside a function runs no code that can rebind this module's functions
# modes: default kernels
import sys
def add(a, b):
    return a + b
def f(x):
    import mod_import_side_effect
    return add(x, x)
print(f(3))
