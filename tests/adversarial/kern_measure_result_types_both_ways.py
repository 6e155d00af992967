# assumption: (kernels auto) a measured whole-array function returns the same types whichever way a call runs (timed kernel and plain calls alternate): NumPy bools of comparisons of reductions, Python ints of .size/.ndim, NumPy scalars of element reads, Python floats of float(), tuples of them
# modes: kernels
import numpy as np


def summary(a, lim):
    s = np.sum(a * 2)
    big = s > 7
    return big, a.size, a.ndim, s, float(np.mean(a)), a.size > 3, np.abs(a) * lim


def pick(a, lim):
    d = np.abs(a * 0.5 - lim)
    return np.mean(d) < 2, np.sum(d) > 10, np.sum(d > 1)


def tname(v):
    if isinstance(v, tuple):
        return "(" + ",".join([tname(x) for x in v]) + ")"
    return type(v).__name__


inputs = [(np.arange(5.0), 3), (np.arange(6), 2.5), (np.array([1, 0, 1]), 1), (np.arange(4.0).reshape(2, 2), 0.5), (np.arange(3), -1)]
for rep in range(14):
    for a, lim in inputs:
        r = summary(a, lim)
        p = pick(a, lim)
        if rep in (0, 1, 2, 5, 9, 13):
            print(rep, repr(r), tname(r), repr(p), tname(p))
