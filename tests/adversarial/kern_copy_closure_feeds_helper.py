# assumption: (kernels auto) a closure lifted from the kernel calls a module helper whose result feeds another helper (sq(inc(x))), at sites where x is a Python int, a Python float, a NumPy int64 element and a NumPy float64 element: each site's copies keep CPython's int/float results and NumPy's int64 wrap with its warning, in order
# modes: kernels
import warnings

import numpy as np

warnings.simplefilter("always")


def inc(x):
    return x + 1


def sq(x):
    return x * x - 3


def user(a, n):
    def both(v):
        return sq(inc(v)) + inc(sq(v))

    s = 0
    t = 0.0
    e = a[0]
    if n > a.shape[0]:
        raise ValueError("n too large")
    for i in range(n):
        s = s + both(i + n)
        t = t + both(i * 0.5)
        e = e + both(a[i])
    return s, t, e


ai = np.array([3, 2**31, -4, 7])
af = np.array([0.5, 1e5, -2.0, 3.0])
for args in [(ai, 1), (ai, 2), (af, 2), (ai, 4), (af, 4), (ai, 3), (ai[::2], 2), (af, 0)]:
    s, t, e = user(*args)
    print(repr(s), type(s).__name__, repr(t), type(t).__name__, repr(e), type(e).__name__)
