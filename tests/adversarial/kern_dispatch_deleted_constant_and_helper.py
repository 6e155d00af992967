# assumption: (kernels auto) a module constant or helper the kernel reads that is deleted between calls gives CPython's NameError (the guard sees it gone and the plain function runs); defined again, the new value is used
# modes: kernels
import sys

import numpy as np

SCALE = 2.0


def bump(x):
    return x + 1.0


def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += bump(a[i]) * SCALE
    return s


a = np.arange(4.0)
mod = sys.modules[__name__]
for step in range(16):
    if step == 5:
        del mod.SCALE
    if step == 8:
        mod.SCALE = 3.0
    if step == 10:
        delattr(mod, "bump")
    if step == 13:
        mod.bump = lambda x: x - 1.0
    try:
        r = total(a)
        print(step, repr(r), type(r).__name__)
    except Exception as e:
        print(step, type(e).__name__, e, type(e.__context__).__name__)
