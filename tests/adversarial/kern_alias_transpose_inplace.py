# assumption: (kernels auto) `a[:] = a.T * 1.0` on a square array transposes it (NumPy copies the overlap)
# modes: kernels
import numpy as np
def transpose_in_place(a):
    a[:] = np.multiply(a.T, 1.0)
    return a
for _ in range(8):
    a = np.arange(9.0).reshape(3, 3)
    transpose_in_place(a)
    print(a.tobytes().hex())
