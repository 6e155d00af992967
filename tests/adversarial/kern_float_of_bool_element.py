# assumption: (kernels auto) `float()` of a bool array element or of a Python bool parameter gives CPython's Python float (0.0/1.0) with no warning: Numba has no float(bool), so a kernel admitted for bool must not call it
# modes: kernels
import numpy as np
def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += float(a[i]) * 0.5
    return s
def scaled(x, flag, n):
    t = 0.0
    for i in range(n):
        t += x * float(flag) + i
    return t
for _ in range(16):
    print(repr(total(np.array([True, False, True]))), repr(total(np.array([1.5, 2.0]))), repr(total(np.array([3, 4]))))
    print(repr(scaled(2.0, True, 3)), repr(scaled(2.0, False, 2)), repr(scaled(1.5, 2, 2)), repr(scaled(1.5, 0.5, 2)))
