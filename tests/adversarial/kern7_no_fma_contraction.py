# assumption: (kernels auto) `a[i] * b[i] + c[i]` and `s += a[i] * a[i]` are rounded twice (no fused multiply-add), as CPython/NumPy do
# modes: kernels
import numpy as np
def mad(a, b, c):
    out = np.empty(a.shape[0] + 1)
    s = 0.0
    for i in range(a.shape[0]):
        out[i] = a[i] * b[i] + c[i]
        s += a[i] * a[i]
    out[a.shape[0]] = s
    return out
a = np.array([1.0 + 2.0**-30, 0.1, 1e16 + 2.0, 3.0**0.5])
b = np.array([1.0 - 2.0**-30, 0.1, 1e16 - 2.0, 3.0**0.5])
c = np.array([-1.0, -0.01, -1e32, -3.0])
for _ in range(3):
    print([v.hex() for v in mad(a, b, c).tolist()])
