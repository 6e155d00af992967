# assumption: (kernels auto) whole-array np.sqrt of negatives (nan, under np.errstate(invalid="ignore")), np.square, np.floor, a same-shape `.reshape` (NumPy: a view, strides kept), `sum(axis=...)`/`mean(axis=...)` on Fortran-order, transposed and strided 2-D int64/float64/bool arrays give NumPy's bits, dtypes, shapes and strides
# modes: kernels
import numpy as np
def roots(m0):
    m = m0.reshape(m0.shape[0], m0.shape[1])
    r = np.sqrt(m * 1.0)
    s = np.square(m * 1) - np.floor(np.sqrt(np.abs(m) * 1.0))
    return m, r, s, r.sum(axis=0), np.mean(s, axis=1), m.sum(axis=1)
def show(r):
    t = type(r).__name__
    if t == "ndarray":
        return (t, r.dtype.str, r.shape, r.strides, r.tobytes().hex())
    return (t, repr(r))
f = np.array([[4.0, -1.0, 2.0, -0.0], [0.25, 9.0, -np.inf, np.nan], [1e300, -1e-300, 7.0, 3.0]])
i = np.array([[4, -1, 2], [9, 0, -16]])
for _ in range(16):
    with np.errstate(invalid="ignore", over="ignore"):
        for m in (f, np.asfortranarray(f), f.T, f[:, ::2], i, np.asfortranarray(i), i.T, i[::-1], i > 0, (f > 0).T):
            print([show(r) for r in roots(m)])
