# assumption: (kernels auto) a module helper that reads a module global sees the global rebound between calls of the kernel calling it
# modes: kernels
import numpy as np
SCALE = 2.0
def h(x):
    return x * SCALE
def f(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += h(a[i])
    return s
x = np.arange(4.0)
print(f(x))
SCALE = -1.5
print(f(x))
globals()["SCALE"] = 10
print(f(x))
