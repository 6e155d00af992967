# assumption: (kernels auto) np.sum/.mean of bool arrays give NumPy's int64 count and float64 mean
# modes: kernels
import numpy as np
def stats(b):
    c = 0
    m = 0.0
    for i in range(1):
        c = c + np.sum(b)
        m = m + b.mean()
    return c, m
for _ in range(8):
    c, m = stats(np.array([True, False, True, True, False, False, True]))
    print(type(c).__name__, repr(c), type(m).__name__, repr(m))
