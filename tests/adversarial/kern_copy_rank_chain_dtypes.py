# assumption: (kernels auto) a three-deep helper chain (top -> bump -> lead, lead indexing its argument) called from one kernel with a 2-D array, a row, a 1-D slice and a sub-matrix, for int64, float64 and bool arrays and a Python or NumPy int k: rows get whole-array arithmetic (int64 wraps silently), elements NumPy-scalar arithmetic (int64 overflow warns, or raises under errstate)
# modes: kernels
import warnings

import numpy as np

warnings.simplefilter("always")


def lead(v):
    return v[0]


def bump(v, k):
    return lead(v) * k + lead(v)


def top(v, k):
    return bump(v, k) - k


def user(m, k):
    r = top(m, k)
    e = top(m[0], k)
    q = top(m[1, 1:], k)
    z = top(m[1:], k)
    for _ in range(2):
        e = top(m[1], k)
    return r, e, q, z


def show(res):
    print([(repr(v), type(v).__name__, getattr(v, "dtype", None)) for v in res])


mi = np.array([[2**62, 3], [-5, 2**61]])
mf = np.array([[1.5, -2.0], [0.25, 1e3]])
mb = np.array([[True, False], [False, True]])
for m, k in [(mi, 1), (mi, 3), (mf, 2), (mb, 4), (mi, -2), (mb, 0), (mf, 3), (mi, 2), (mi, np.int64(5)), (mb, 2), (mi, 1)]:
    show(user(m, k))
with np.errstate(over="raise"):
    for k in (1, 3):
        try:
            show(user(mi, k))
        except FloatingPointError as e:
            print("FloatingPointError", e)
