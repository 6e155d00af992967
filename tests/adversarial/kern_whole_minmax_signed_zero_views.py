# assumption: (kernels auto) whole-array np.where-max/min, np.abs, np.negative, np.copysign, np.rint on views (a[::2], a.T, Fortran order, 0-size, broadcast row) keep NumPy's signed zeros, NaN propagation, dtypes and layout flags
# modes: kernels
import numpy as np
def mm(a, b):
    hi = np.where(a > b, a, b)
    lo = np.where(a < b, a, b)
    s = np.copysign(1.0, hi) - np.copysign(2.0, lo)
    return hi, lo, s, np.abs(lo) * -2.0, np.negative(hi), np.rint(hi * 0.5)
def show(r):
    return (r.dtype.str, r.shape, r.flags.c_contiguous, r.flags.f_contiguous, r.tobytes().hex())
z = np.array([0.0, -0.0, np.nan, -0.0, 2.0, -3.0, 0.0, np.inf, -np.inf, 5.0, -np.nan, 1.0])
w = np.array([-0.0, 0.0, 1.0, -0.0, np.nan, -3.0, 0.0, -np.inf, -np.inf, -5.0, 2.0, 1.0])
m = z.reshape(3, 4)
n = w.reshape(3, 4)
f = np.asfortranarray(m)
for _ in range(16):
    for a, b in ((z, w), (w, z), (z[::2], w[1::2]), (m.T, n.T), (f, n), (f, f), (m, n[0]), (z[:0], w[:0])):
        print([show(r) for r in mm(a, b)])
