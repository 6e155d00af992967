# assumption: (kernels auto) Python-int growth is not checked as it runs (no kernel, ASTC233) where the function or a helper has NumPy divide by a possible zero or take a mean, for any array kind: NumPy may warn there, and a failed check would replay the call and warn twice
# modes: kernels
import warnings

import numpy as np


def ratio(x, y):
    return x // y


def grow_div(a, n):
    k = 1
    for i in range(n):
        k = k + k
    return ratio(a[0], a[1]), k, np.float64(2.0)


def grow_mean(a, n):
    k = 1
    for i in range(n):
        k = k * 3
    return np.mean(a), k


for args in [(np.array([7, 0]), 3), (np.array([7, 0]), 70), (np.array([7.0, 0.0]), 70), (np.array([7.0, 2.0]), 5)]:
    for f in (grow_div, grow_mean):
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            r = f(*args)
        print(f.__name__, repr(r), [str(w.message) for w in seen])
for _ in range(3):
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        r = grow_mean(np.zeros(0), 80)
    print(repr(r), [str(w.message) for w in seen])
