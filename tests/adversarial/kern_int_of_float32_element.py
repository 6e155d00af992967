# assumption: (kernels auto) int() of float32 elements stored to an int array truncates the float32 value
# modes: kernels
import numpy as np
def trunc(a):
    out = np.zeros(a.shape[0], dtype=np.int64)
    for i in range(a.shape[0]):
        out[i] = int(a[i] * 3.0)
    return out
for _ in range(8):
    print(trunc(np.array([0.1, 16777217.0, -2.9], dtype=np.float32)).tobytes().hex())
