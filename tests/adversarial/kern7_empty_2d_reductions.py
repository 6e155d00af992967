# assumption: (kernels auto) reductions and loops over 2-D arrays with a zero dimension give NumPy's shapes and values (zeros, no warning for sum)
# modes: kernels
import numpy as np
def f(m):
    r0 = m.sum(axis=0)
    r1 = m.sum(axis=1)
    t = 0.0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            t += m[i, j]
    return r0.shape[0] * 10 + r1.shape[0] + t + r0.sum() + r1.sum() + m.sum()
for _ in range(3):
    for shp in ((0, 3), (3, 0), (0, 0), (2, 3)):
        print(shp, repr(f(np.ones(shp))))
