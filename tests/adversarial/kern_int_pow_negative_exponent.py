# assumption: (kernels auto) NumPy integer scalar to a negative power raises ValueError
# modes: kernels default
import numpy as np
def inv(a, out):
    for i in range(a.shape[0]):
        out[i] = a[i] ** -1
    return out
try:
    print(inv(np.array([2, 4]), np.zeros(2)))
except ValueError as e:
    print("ValueError", e)
