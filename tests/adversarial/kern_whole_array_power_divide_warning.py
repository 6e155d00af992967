# assumption: (kernels auto) whole-array `a ** -1.0` with a zero element warns "divide by zero encountered in power" as NumPy does
# modes: kernels
import numpy as np
def inv(a):
    return np.abs(a) ** -1.0
for _ in range(8):
    print(inv(np.array([2.0, 0.0, 4.0])).tobytes().hex())
