# assumption: (kernels auto) a checked Python-int kernel that gives up (int64 overflow) after a NumPy int64 overflow warning of the same call runs the plain function from the start: the warnings the caller records (catch_warnings(record=True)) are the plain function's, each once
# modes: kernels
import warnings

import numpy as np


def mix(a, x, n):
    e = a[0] * 2
    if a.shape[0] == 0:
        raise ValueError("empty")
    acc = x
    for i in range(n):
        acc = acc * acc + i
    return e, acc


a = np.array([2**62, 1])
for x, n in [(2, 2), (3, 3), (5, 2), (2**20, 4), (5, 2)]:
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        e, acc = mix(a, x, n)
    print(repr(e), repr(acc), type(acc).__name__, [(w.category.__name__, str(w.message)) for w in seen])
