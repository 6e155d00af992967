# assumption: (kernels auto) `.reshape(2, -1)`, `.ravel()`, `.dtype` as a dtype= argument, `sum(axis=...)`, `dtype=` keywords, bare `zeros_like`/`empty_like` imports and `a.shape[0] // 2` give NumPy's values, dtypes, shapes and result types on C, Fortran, transposed and strided arguments
# modes: kernels
import numpy as np
from numpy import zeros_like, empty_like
def halves(a):
    h = a.shape[0] // 2
    m = a[: 2 * h].reshape(2, h)
    cols = m.sum(axis=0)
    rows = np.sum(m, axis=1)
    z = zeros_like(a, dtype=np.float64)
    e = empty_like(a)
    w = np.zeros(h, dtype=a.dtype)
    for i in range(a.shape[0]):
        z[i] = a[i] / 4.0
        e[i] = a[i]
    for j in range(h):
        w[j] = m[0, j] + m[1, j]
    flat = m.T.ravel()
    return h, m, cols, rows, z, e, w, a.dtype, flat, np.zeros(h, dtype=np.int64), np.ones(h, dtype=bool)
def show(r):
    t = type(r).__name__
    if t == "ndarray":
        return (t, r.dtype.str, r.shape, r.strides, r.tobytes().hex())
    return (t, repr(r))
f = np.array([1.5, -2.0, 3.25, 7.0, -0.0, 9.5, 11.0])
i = np.array([5, -3, 7, 2, -9, 4])
b = np.array([True, False, True, True, False])
for _ in range(16):
    for a in (f, i, b, f[::-2], i[1:], f[:1], f[:0]):
        print([show(r) for r in halves(a)])
