# assumption: (kernels auto) np.sum of an int64 array with dtype=float64 matches NumPy (buffered cast, pairwise per chunk)
# modes: kernels
import numpy as np
def fsum_ints(a):
    t = 0.0
    for i in range(2):
        t += np.sum(a, dtype=np.float64)
    return t
rng = np.random.default_rng(7)
a = rng.integers(-10**17, 10**17, size=40000)
for _ in range(8):
    print(repr(fsum_ints(a)))
