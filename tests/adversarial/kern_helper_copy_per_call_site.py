# assumption: (kernels auto) a helper called at one site with an array under one signature and a Python float under another runs the copy made for the kind it gets (a Python float's `x ** 2` raises CPython's OverflowError)
# modes: kernels
import numpy as np


def sq(x):
    return x ** 2 + 1.0


def user(x, k):
    t = x * 0.0
    for _ in range(k):
        t = t + sq(x)
    return t


for args in [(np.arange(3.0), 2), (1e200, 2), (3.0, 2), (np.arange(2.0), 1), (1e200, 1)]:
    try:
        r = user(*args)
        print(repr(r), type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)
