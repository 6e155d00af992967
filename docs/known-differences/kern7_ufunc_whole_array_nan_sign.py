# assumption: (kernels auto) whole-array np.fmin/np.fmax/np.rint/np.copysign and `+` of float64 arrays give NumPy's bits, nan signs included
# modes: kernels
import numpy as np
def fmin(a, b):
    return np.fmin(a, b)
def fmax(a, b):
    return np.fmax(a, b)
def add0(a, b):
    return a + b * 0.0
def rint(a, b):
    return np.copysign(np.rint(a), b)
a = np.array([-np.nan, np.nan, -np.nan, 1.0])
b = np.array([np.nan, -np.nan, -np.nan, -np.nan])
for _ in range(5):
    for f in (fmin, fmax, add0, rint):
        print(f.__name__, f(a, b).tobytes().hex(), f(b, a).tobytes().hex())
