# assumption: the guard sees a rebinding done before the guarded function is entered (positive for the guard design)
# modes: default kernels
import sys
def add(a, b):
    return a + b
def f(x):
    return add(x, x)
n = len(sys.argv) + 2
print(f(n))
sys.modules[__name__].add = lambda a, b: a * b
print(f(n))
