# assumption: (kernels auto) the literal -9223372036854775808 (unary minus of 2**63, which is not an int64) and 2**63 - 1 spelled out give CPython's ints in a kernel
# modes: kernels
import numpy as np
def biggest(a):
    m = -9223372036854775808
    for i in range(a.shape[0]):
        if a[i] > m:
            m = a[i]
    return m
def top(a):
    m = 9223372036854775807
    for i in range(a.shape[0]):
        if a[i] < m:
            m = a[i]
    return m
for _ in range(3):
    for a in (np.array([-2**63, -5, 3]), np.array([], dtype=np.int64), np.array([2**63 - 1])):
        r = biggest(a)
        t = top(a)
        print(a.tolist(), r, type(r).__name__, t, type(t).__name__)
