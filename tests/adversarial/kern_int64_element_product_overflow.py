# assumption: (kernels auto) int64 element products that overflow wrap with NumPy's RuntimeWarning
# modes: kernels
import numpy as np
def prods(a, b):
    out = np.empty_like(a)
    for i in range(a.shape[0]):
        out[i] = a[i] * b[i]
    return out
a = np.array([2**40, 3, -2**62], dtype=np.int64)
b = np.array([2**30, 5, 4], dtype=np.int64)
for _ in range(6):
    print(prods(a, b).tobytes().hex())
