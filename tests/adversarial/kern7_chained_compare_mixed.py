# assumption: (kernels auto) chained comparisons of NumPy elements with Python ints and floats (nan, -0.0, ties) short-circuit and answer as in CPython
# modes: kernels
import numpy as np
def count(a, lo, hi):
    c = 0
    for i in range(a.shape[0]):
        if lo < a[i] <= hi:
            c += 1
        if a[i] == lo == 0:
            c += 100
        if not (lo <= a[i]):
            c += 10000
    return c
a = np.array([np.nan, -0.0, 0.0, 1.0, 2.5, -np.inf, 3.0])
for _ in range(3):
    for lo, hi in ((0, 3), (-0.0, 2.5), (0.0, float("nan")), (float("-inf"), 1), (-1, 0)):
        print(lo, hi, count(a, lo, hi), count(np.array([0, 3, -2, 2**62]), lo, hi))
