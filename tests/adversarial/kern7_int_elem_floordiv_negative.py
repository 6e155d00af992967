# assumption: (kernels auto) `//` and `%` of int64 array elements by negative Python ints round toward -inf (NumPy), not toward zero (C)
# modes: kernels
import numpy as np
def f(a, d):
    out = np.empty(2 * a.shape[0], dtype=np.int64)
    for i in range(a.shape[0]):
        out[2 * i] = a[i] // d
        out[2 * i + 1] = a[i] % d
    return out
a = np.array([-7, -6, -1, 0, 1, 6, 7, -2**63, 2**63 - 1])
for _ in range(3):
    for d in (-3, 3, -1, 1, 2**62, -2**62):
        print(d, f(a, d).tolist())
