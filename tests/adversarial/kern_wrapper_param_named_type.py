# assumption: (kernels auto) the dispatcher's wrapper, which takes the plain function's own parameter names, still tests argument types when a parameter is named like a builtin it uses (type, len, isinstance), positionally and by keyword, before and after an int64 check gives the kernel up
# modes: kernels
import numpy as np


def scaled(a, type, len=2):
    t = 0
    for i in range(a.shape[0]):
        t = t + a[i] * type + len
    return t


def grow(type, isinstance=3):
    acc = type
    for _ in range(isinstance):
        acc = acc * acc + 1
    return acc


a = np.array([1, 2, 3])
print(repr(scaled(a, 2)), repr(scaled(a, type=3)), repr(scaled(a, 1, len=-4)), repr(scaled(a.astype(float), 0.5)))
for x in (2, 3, -5, 10**6, 2):
    r = grow(x)
    print(repr(r), type(r).__name__)
print(repr(grow(type=4, isinstance=2)), repr(grow(2.5, 2)), repr(grow(True)))
