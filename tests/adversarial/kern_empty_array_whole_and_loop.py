# assumption: (kernels auto) empty and (0, 3)-shaped arrays give NumPy's results (shape, dtype, sum 0.0, max raises)
# modes: kernels
import numpy as np
def norm2(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * a[i]
    return s, np.sum(a * a)
def colsum(m):
    return np.abs(m).sum(axis=0) + 1.0
for _ in range(8):
    print(repr(norm2(np.zeros(0))), colsum(np.zeros((0, 3))).tobytes().hex(), colsum(np.zeros((0, 3))).shape)
