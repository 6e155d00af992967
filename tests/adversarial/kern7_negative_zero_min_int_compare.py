# assumption: (kernels auto) comparisons of float elements with Python ints (0 vs -0.0, nan, 2**53) and of int elements with Python floats count as in CPython
# modes: kernels
import numpy as np
def cmp(a, k):
    c = 0
    for i in range(a.shape[0]):
        c = c * 3 + (a[i] == k) + (a[i] < k) * 2
    return c
for _ in range(3):
    for k in (0, -1, 2**53, 2**53 + 1, -2**40):
        print(k, cmp(np.array([-0.0, 0.0, np.nan, 9007199254740992.0, -1.0]), k), cmp(np.array([0, 2**53 + 1, -1, 2**53]), k))
