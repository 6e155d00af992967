# assumption: (kernels auto) NumPy int64 scalar overflow is silent (NumPy warns on stderr; Numba does not)
# modes: kernels default
import numpy as np
def acc(a):
    s = a[0]
    for i in range(1, a.shape[0]):
        s = s + a[i]
    return s
print(acc(np.array([2**62, 2**62, 2**62], dtype=np.int64)))
