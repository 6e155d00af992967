# assumption: (kernels auto) Python int arguments at and beyond the int64 limits stored into int64/float64 arrays give CPython's values and errors
# modes: kernels
import numpy as np
def put(a, k):
    for i in range(a.shape[0]):
        a[i] = k
    return a
for _ in range(3):
    for k in (2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64, 2**53 + 1):
        for dt in (np.int64, np.float64):
            try:
                r = put(np.zeros(2, dtype=dt), k).tolist()
            except OverflowError as e:
                r = "OverflowError"
            print(k, dt.__name__, r)
