# assumption: a guard on the inner callee is checked where the inner call is, not at the outer entry
# modes: default kernels
import sys
def inc(a):
    return a + 1
def outer(x):
    sys.modules[__name__].inc = lambda a: a - 1
    return x
def f(x):
    y = outer(x)
    return inc(y)
print(f(5))
