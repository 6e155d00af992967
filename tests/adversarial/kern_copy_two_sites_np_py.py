# assumption: (kernels auto) one helper called at two sites of one kernel, with a NumPy scalar (a[i]) at one and a Python number at the other, runs each site's own copy: NumPy's inf/nan and RuntimeWarning for the first, CPython's ZeroDivisionError for the second, in the order they run
# modes: kernels
import numpy as np


def ratio(v, d):
    return v / d + v % (d - 1.0)


def user(a, x, d):
    t = 0.0
    for i in range(a.shape[0]):
        if i % 2 == 0:
            t = t + ratio(a[i], d)
            t = t + ratio(x, d)
        else:
            t = t + ratio(x, d)
            t = t + ratio(a[i], d)
    return t


a = np.array([1.5, -2.0, 3.0])
b = np.array([1, -2, 3])
for args in [(a, 4.0, 2.0), (a, 4.0, 0.0), (a[:1], 4.0, 0.0), (a, 4, -3), (b, 4.0, 2.0), (b, 4, 0), (b[1:], 4.0, 0.0), (a, 4.0, 1.0), (b, 4, 1), (a, 4.0, 0.0)]:
    try:
        r = user(*args)
        print(repr(r), type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e, type(e.__context__).__name__, e.__cause__)
