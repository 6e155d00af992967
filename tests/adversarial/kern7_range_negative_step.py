# assumption: (kernels auto) loops over range with negative steps (and a parameter step) visit what CPython visits
# modes: kernels
import numpy as np
def f(a, step):
    s = 0.0
    c = 0
    for i in range(a.shape[0] - 1, -1, step):
        s = s * 0.5 + a[i]
        c += i
    for j in range(-1, -a.shape[0] - 1, -2):
        s += a[j]
    return s * 1000.0 + c
a = np.arange(1.0, 12.0) ** 2
for _ in range(3):
    for st in (-1, -2, -3, -11, -12, -100, 1, 5):
        print(st, f(a, st))
    print(f(np.empty(0), -1))
