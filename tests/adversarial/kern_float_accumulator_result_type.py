# assumption: (kernels auto) `s = 0.0; s += a[i]` returns a NumPy float64 (CPython's type) when the loop runs, a Python float when not
# modes: kernels
import numpy as np
def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s
for _ in range(8):
    r = total(np.array([0.1, 0.2]))
    e = total(np.zeros(0))
    print(type(r).__name__, repr(r), type(e).__name__, repr(e))
