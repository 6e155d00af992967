# assumption: (kernels auto) a helper that passes its argument on to another helper gets, with it, the copies made for the kind the kernel's caller passed (a Python float's `**` raises CPython's OverflowError two helpers down, an array's gives inf); argument kinds whose copies differ are not admitted together
# modes: kernels
import numpy as np


def sq(x):
    return x ** 2


def outer(x, c):
    return sq(x) - sq(c) + np.floor(x)


def user(x, k):
    t = x * 0.0
    for j in range(k):
        t = t + outer(x, j)
    return t


for args in [(np.array([1.0, 1e200]), 2), (1e200, 2), (3.0, 3), (7, 2), (True, 2), (np.array([2, 3]), 2), (1e200, 1), (np.array([1e200]), 1), (2.5, 2)]:
    try:
        r = user(*args)
        print(repr(r), type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e, type(e.__context__).__name__, e.__cause__)
