# assumption: (kernels auto) whole-array results of shape (0, 4) (fresh ufunc results, a same-shape `.reshape` view, np.zeros_like) have NumPy's strides (NumPy 2 gives fresh empty arrays strides (0, 0); a view keeps its base's)
# modes: kernels
import numpy as np
def ops(m0):
    m = m0.reshape(m0.shape[0], m0.shape[1])
    return m, m * 2.0, np.sqrt(np.abs(m) * 1.0), np.zeros_like(m), m.sum(axis=0)
def show(r):
    return (r.dtype.str, r.shape, r.strides, r.flags.c_contiguous, r.flags.f_contiguous)
f = np.arange(12.0).reshape(3, 4)
for _ in range(16):
    for a in (f, f[:0], f[:0, :3], np.zeros((0, 4)), np.zeros((2, 0))):
        print([show(r) for r in ops(a)])
