# assumption: (kernels auto) a 2-D array passed to a loop written for 1-D arrays gives CPython's array-valued result, silently
# modes: kernels
import numpy as np
def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s
for _ in range(4):
    print(repr(total(np.array([1.0, 2.0]))))
for _ in range(4):
    r = total(np.arange(6.0).reshape(3, 2))
    print(type(r).__name__, r.tobytes().hex())
