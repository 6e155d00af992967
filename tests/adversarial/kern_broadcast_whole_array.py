# assumption: (kernels auto) whole-array code broadcasting (3,1) with (4,) and a 0-d array gives NumPy's shape and values
# modes: kernels
import numpy as np
def outer_like(a, b, c):
    return np.abs(a) * b + c
a = np.arange(3.0).reshape(3, 1)
b = np.linspace(0.0, 1.0, 4)
for _ in range(8):
    r = outer_like(a, b, np.array(0.5))
    print(r.shape, r.dtype, r.flags.c_contiguous, r.tobytes().hex())
