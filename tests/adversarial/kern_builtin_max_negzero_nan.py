# assumption: (kernels auto) builtin max/min in a loop keep the first of equal values (-0.0 vs 0.0) and Python's nan order
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
    print(repr(extremes(np.array([0.0, -0.0, 0.0]))), repr(extremes(np.array([-0.0, 0.0]))),
          repr(extremes(np.array([1.0, np.nan, 2.0]))), repr(extremes(np.array([np.nan, 1.0]))))
