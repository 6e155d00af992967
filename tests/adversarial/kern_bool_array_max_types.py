# assumption: (kernels auto) builtin max/min over bool and int64 arrays return NumPy's element types (np.True_, np.int64)
# modes: kernels
import numpy as np
def extremes(a):
    hi = a[0]
    lo = a[0]
    for i in range(1, a.shape[0]):
        hi = max(hi, a[i])
        lo = min(lo, a[i])
    return hi, lo
for _ in range(8):
    print(repr(extremes(np.array([False, True, False]))), repr(extremes(np.array([3, -1, 2]))))
