# assumption: (kernels auto) a helper called in one kernel with an array at one site, a Python number at another and a NumPy scalar at a third runs each site's own copy (three copies): only the Python float's `**` raises CPython's OverflowError
# modes: kernels
import numpy as np


def sq4(x):
    return x ** 2 * 4.0 - x


def user(a, x, k):
    t = np.abs(a) * 0.0
    for _ in range(k):
        t = t + sq4(a)
        t = t + sq4(x)
        t = t + sq4(a[0] + 0.5)
    return t


for args in [(np.array([1.0, 2.0]), 1e200, 1), (np.array([1.0, 2.0]), 2.0, 2), (np.array([1e100, 2.0]), 2.0, 1), (np.array([-1e100]), -1e200, 1), (np.array([True, False]), 3, 2), (np.array([3, 4]), 5, 2), (np.array([1.0]), 2.5, 0)]:
    try:
        r = user(*args)
        print(repr(r), type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e, type(e.__context__).__name__, e.__cause__)
