# assumption: a keyword argument's evaluation cannot rebind the callee (it can, after Python read the callee)
# modes: default kernels
import sys
def add(a, b):
    return a + b
def arg():
    sys.modules[__name__].add = lambda a, b: a * b
    return 3
def f(x):
    return add(b=arg(), a=x)
print(f(5), add(5, 3))
