# assumption: (kernels auto) a module helper bound by `name = lambda` and rebound between calls is the one called, as in CPython
# modes: kernels
import numpy as np
def h(x):
    return x * 2.0
def f(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += h(a[i])
    return s
x = np.arange(4.0)
print(f(x))
h = lambda x: x + 100.0
print(f(x))
def h(x):
    return -x
print(f(x))
