# assumption: a callee cannot disappear from the module between the guard and the call
# modes: default kernels
import sys
def add(a, b):
    return a + b
def drop():
    del sys.modules[__name__].add
def f(x):
    drop()
    try:
        return add(x, x)
    except NameError as e:
        return "NameError"
print(f(3))
