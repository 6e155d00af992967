# assumption: (kernels auto) np.sum of a non-contiguous 2-D view (every other column) matches NumPy
# modes: kernels
import numpy as np
def total(a):
    s = 0.0
    for k in range(1):
        s += a.sum()
    return s
rng = np.random.default_rng(13)
c = rng.standard_normal((64, 600)) * 1e7
for _ in range(8):
    print(repr(total(c[:, ::2])), repr(total(c[::3])))
