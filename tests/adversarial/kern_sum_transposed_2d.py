# assumption: (kernels auto) np.sum of a transposed (Fortran-ordered) 2-D float array matches NumPy's memory-order pairwise sum
# modes: kernels
import numpy as np
def total(a):
    s = 0.0
    for k in range(2):
        s += np.sum(a)
    return s
rng = np.random.default_rng(3)
c = rng.standard_normal((300, 257)) * 1e6
for _ in range(8):
    print(repr(total(c.T)), repr(total(c)), repr(total(np.asfortranarray(c))))
