# assumption: (kernels auto) builtin `sum(a)` of a float64 array adds sequentially (no pairwise summation) and returns NumPy scalars
# modes: kernels
import numpy as np
def f(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return sum(a), np.sum(a), s
rng = np.random.default_rng(1)
x = rng.standard_normal(1000) * 1e10
x[::7] = 1e-10
for _ in range(3):
    a, b, c = f(x)
    print(a.hex(), b.hex(), c.hex(), type(a).__name__, type(b).__name__, type(c).__name__)
