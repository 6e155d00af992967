# assumption: (kernels auto) a np.int64 scalar argument accumulates as NumPy int64 (type and wrap warning), not a Python int
# modes: kernels
import numpy as np
def acc(k, n):
    s = 0
    for i in range(n):
        s = s + k
    return s
for _ in range(6):
    r = acc(np.int64(5), 3)
    print(type(r).__name__, repr(r))
for _ in range(3):
    r = acc(np.int64(2**62), 2)
    print(type(r).__name__, repr(r))
