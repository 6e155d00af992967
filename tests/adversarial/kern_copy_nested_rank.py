# assumption: (kernels auto) a helper called at two sites with arrays of different ranks (one copy for both: same strength) calls, at its own nested call site, the copy made for each rank's argument (a row gives an array, a 1-D array a NumPy int64 whose + checks overflow)
# modes: kernels
import numpy as np


def g(x):
    return x + 1


def f(a):
    return g(a[0])


def user(m, k):
    r = m[0]
    v = m[0, 0]
    for _ in range(k):
        r = f(m)
        v = f(m[0])
    return v, r


m = np.array([[2**63 - 1, 5], [1, 2]])
for over in ["raise", "ignore", "raise", "raise"]:
    with np.errstate(over=over):
        try:
            v, r = user(m, 2)
            print(repr(v), type(v).__name__, repr(r), type(r).__name__)
        except Exception as e:
            print(type(e).__name__, e, type(e.__context__).__name__, e.__cause__)
