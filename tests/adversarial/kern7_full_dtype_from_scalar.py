# assumption: (kernels auto) np.full/np.zeros/np.arange build arrays with NumPy's dtypes for Python int, float and bool fill values
# modes: kernels
import numpy as np
def make(n, v):
    a = np.full(n, v)
    b = np.zeros(n, dtype=np.int64)
    c = np.arange(n)
    for i in range(n):
        b[i] = c[i] * 2
    return a, b, c
for _ in range(3):
    for v in (3, 2.5, True, -0.0):
        a, b, c = make(3, v)
        print(a.dtype, a.tolist(), b.dtype, b.tolist(), c.dtype)
    a, b, c = make(0, 1.0)
    print(a.shape, b.shape, c.shape, c.dtype)
