# assumption: (kernels auto) a np.float64/np.float32 scalar argument gives the result type and overflow CPython+NumPy give
# modes: kernels
import numpy as np
def grow(x, n):
    for i in range(n):
        x = x * 2.0 + 1e300
    return x
for _ in range(6):
    r = grow(np.float64(1.0), 2)
    q = grow(1.0, 2)
    print(type(r).__name__, repr(r), type(q).__name__, repr(q))
for _ in range(3):
    f = grow(np.float32(1.0), 1)
    print(type(f).__name__, repr(f))
