# assumption: (kernels auto) a sequential float64 dot product is the same in Numba (positive: may become a kernel)
# modes: kernels default
import numpy as np
def dot(a, b):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * b[i]
    return s
x = np.arange(1000, dtype=np.float64) / 7.0
print(repr(float(dot(x, x))))
