# assumption: (kernels auto) uint64 array elements with Python ints and int64 elements follow NumPy 2 (uint64+int64 -> float64)
# modes: kernels
import numpy as np
def mix(u, s):
    out = 0.0
    for i in range(u.shape[0]):
        out = out + (u[i] + s[i]) + (u[i] - 1) * 0
    return out
u = np.array([2**64 - 1, 5], dtype=np.uint64)
s = np.array([1, -2], dtype=np.int64)
for _ in range(8):
    r = mix(u, s)
    print(type(r).__name__, repr(r))
