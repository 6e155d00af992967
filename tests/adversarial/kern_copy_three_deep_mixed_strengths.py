# assumption: (kernels auto) a helper chain three deep (h1 -> h2 -> h3), called from one kernel with a Python int, a Python float, a NumPy int64 element and a 1-D row at different sites, runs each site's own copy chain: CPython's ints (big ones past int64 too), floats and raised ValueError, NumPy's wrapped int64 with its overflow warning, whole-row arithmetic
# modes: kernels
import warnings

import numpy as np

warnings.simplefilter("always")


def h3(x, d):
    if d == 0:
        raise ValueError("zero d")
    return x * 3 - d * x


def h2(x, d):
    return h3(x + 1, d) + h3(x, d + 1)


def h1(x, d):
    return h2(x, d) * 2


def user(m, k, d):
    s = 0
    t = 0.0
    e = m[0, 0]
    r = m[0]
    for i in range(m.shape[0]):
        s = s + h1(k + i, d)
        t = t + h1(k * 0.5, d)
        e = h1(m[i, 0], d)
        r = h1(m[i], d)
    return s, t, e, r


m = np.array([[2**62, 7], [-5, 3]])
n = np.array([[1, 2], [3, 4], [5, 6]])
for args in [(m, 5, 2), (n, 5, 2), (n, -7, 3), (n, 5, -1), (n, 4, 0), (m, 1, 2), (n, 2**62, 2), (n, 4, 2)]:
    try:
        s, t, e, r = user(*args)
        print(repr(s), type(s).__name__, repr(t), type(t).__name__, repr(e), type(e).__name__, repr(r), r.dtype)
    except Exception as ex:
        print(type(ex).__name__, ex, type(ex.__context__).__name__)
