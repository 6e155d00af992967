# assumption: (kernels auto) a helper rebound through globals() or setattr on the module after the kernel compiled is the one called
# modes: kernels
import sys
import numpy as np
def h(x):
    return x + 1.0
def f(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += h(a[i])
    return s
x = np.arange(4.0)
print(f(x), f(x))
def other(x):
    return x * 100.0
globals()["h"] = other
print(f(x))
setattr(sys.modules[__name__], "h", lambda x: -x)
print(f(x))
