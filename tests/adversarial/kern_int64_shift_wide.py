# assumption: (kernels auto) int64 array element shifts by >= 64 give NumPy's 0 / -1, not the hardware's masked shift
# modes: kernels
import numpy as np
def shifts(a, s):
    out = np.zeros(a.shape[0], dtype=np.int64)
    for i in range(a.shape[0]):
        out[i] = (a[i] << s[i]) + (a[i] >> s[i])
    return out
a = np.array([1, -5, 12345, -1], dtype=np.int64)
s = np.array([64, 65, 70, 100], dtype=np.int64)
for _ in range(8):
    print(shifts(a, s).tobytes().hex())
