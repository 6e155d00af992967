# assumption: (kernels auto) whole-array code on a 0-d int64 array and a Python int returns NumPy's int64 scalar
# modes: kernels
import numpy as np
def lin(a, k):
    return np.abs(a) * k + 1
for _ in range(8):
    r = lin(np.array(3), 4)
    q = lin(np.array([3]), 4)
    print(type(r).__name__, repr(r), type(q).__name__, q.tobytes().hex())
