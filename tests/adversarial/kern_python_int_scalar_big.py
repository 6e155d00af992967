# assumption: (kernels auto) a Python int argument fits in int64
# modes: kernels default
import numpy as np
def offset(a, c, out):
    for i in range(a.shape[0]):
        out[i] = a[i] * c
    return out
print(offset(np.array([1.0]), 3, np.zeros(1)))
print(offset(np.array([1.0]), 2 ** 64, np.zeros(1)))
