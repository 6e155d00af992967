# assumption: (kernels auto) uint8 element arithmetic wraps at 256 in CPython as in NumPy
# modes: kernels default
import warnings
import numpy as np
warnings.simplefilter("ignore")
def add_all(a):
    s = a[0]
    for i in range(1, a.shape[0]):
        s = s + a[i]
    return s
print(add_all(np.array([200, 100, 10], dtype=np.uint8)))
