# assumption: (kernels auto) a kernel that stores into an array and raises NumPy's ValueError for a slice store of the wrong shape, called while the caller handles another exception, gives that ValueError CPython's context (the handled exception, shown: not suppressed)
# modes: kernels
import numpy as np


def place(out, a):
    for i in range(1):
        out[0] = np.pi
        out[1:] = a
    return out


def show(*args):
    try:
        r = place(*args)
        print(repr(r), type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e, type(e.__context__).__name__, e.__cause__, e.__suppress_context__)


for _ in range(2):
    show(np.zeros(3), np.ones(2))
    show(np.zeros(4), np.ones(2))
    try:
        raise KeyError("outer")
    except KeyError:
        show(np.zeros(4), np.ones(2))
try:
    {}["missing"]
except KeyError:
    place(np.zeros(4), np.ones(2))
