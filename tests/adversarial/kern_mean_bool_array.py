# assumption: (kernels auto) np.mean of a bool array, which the analysis admits (exact for a: bool), compiles and gives NumPy's float64 mean, with no warning (the kernel's float() of a bool element must type in Numba)
# modes: kernels
import numpy as np


def frac(a):
    return np.mean(a)


def frac_loop(a, k):
    t = 0.0
    for _ in range(k):
        t = t + np.mean(a)
    return t


b = np.array([True, False, True, True, False])
for _ in range(3):
    r = frac(b)
    print(repr(r), type(r).__name__)
    r = frac_loop(b, 3)
    print(repr(r), type(r).__name__)
r = frac(np.arange(4.0))
print(repr(r), repr(frac_loop(np.arange(3), 2)))
