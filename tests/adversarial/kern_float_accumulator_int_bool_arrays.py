# assumption: (kernels auto) `s = 0.0; s += a[i]` over int64 and bool arrays returns NumPy float64 values and types
# modes: kernels
import numpy as np
def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s
for _ in range(8):
    r = total(np.array([2**53 + 1, 1, 1]))
    b = total(np.array([True, True, False]))
    print(type(r).__name__, repr(r), type(b).__name__, repr(b))
