# assumption: (kernels auto) np.dot of float and int arrays (1-D and 2-D, non-contiguous) gives NumPy's types and bits
# modes: kernels
import numpy as np
def d(a, b):
    return np.dot(a, b)
def dabs(a, b):
    return np.dot(np.abs(a), b)
v = np.array([0.1, 1e16, 3.3, -1e16, 7.0, 0.7, 1e-3, 5.5, 2.2])
w = np.array([1.1, 1.0, 2.0, 1.0, 3.0, 0.3, 9.0, 1.25, -4.0])
m = np.arange(12.0).reshape(3, 4) / 7.0
for _ in range(9):
    for x, y in ((v, w), (np.arange(5), np.arange(5)), (v[::2], w[::2]), (m, m.T), (m.T, m), (m, w[:4]), (np.arange(4), m.T)):
        for fn in (d, dabs):
            r = fn(x, y)
            print(type(r).__name__, np.asarray(r).dtype, np.asarray(r).tobytes().hex())
