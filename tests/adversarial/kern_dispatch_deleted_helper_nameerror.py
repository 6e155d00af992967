# assumption: (kernels auto) a kernel's guarded helper deleted from the module (or rebound to a non-function) between calls gives CPython's NameError/TypeError, not a KeyError of the guard
# modes: kernels
import sys
import numpy as np


def scale(v):
    return v * 2.0


def apply(a):
    t = 0.0
    for i in range(a.shape[0]):
        t = t + scale(a[i])
    return t


x = np.array([1.0, 2.5, -3.0])
for _ in range(15):
    r = apply(x)
print(repr(r), type(r).__name__)
m = sys.modules[__name__]
saved = m.scale
delattr(m, 'scale')
for _ in range(3):
    try:
        print(repr(apply(x)))
    except NameError as e:
        print("NameError", e)
    except Exception as e:
        print("other", type(e).__name__, e)
setattr(m, 'scale', 3)
try:
    print(repr(apply(x)))
except TypeError as e:
    print("TypeError", e)
setattr(m, 'scale', saved)
for _ in range(15):
    r = apply(x)
print(repr(r), type(r).__name__)
