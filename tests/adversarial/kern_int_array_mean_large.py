# assumption: (kernels auto) np.mean of a large int64 array matches NumPy (which casts to float64 in buffered chunks)
# modes: kernels
import numpy as np
def avg(a):
    t = 0.0
    for i in range(3):
        t += np.mean(a)
    return t
rng = np.random.default_rng(5)
a = rng.integers(10**16, 10**17, size=50000)
for _ in range(8):
    print(repr(avg(a)), repr(float(np.mean(a)) * 3))
