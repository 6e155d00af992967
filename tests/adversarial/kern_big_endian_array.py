# assumption: (kernels auto) a big-endian float64 array gives the same sum and writes, with no warning
# modes: kernels
import numpy as np
def scale(a):
    s = 0.0
    for i in range(a.shape[0]):
        a[i] = a[i] * 2.0
        s += a[i]
    return s
for _ in range(6):
    b = np.arange(4.0).astype(">f8")
    print(repr(scale(b)), b.dtype.str, b.tobytes().hex())
