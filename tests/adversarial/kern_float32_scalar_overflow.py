# assumption: (kernels auto) float32 array elements plus a weak 1e300 stay float32 (inf, NumPy's overflow warning)
# modes: kernels
import numpy as np
def bump(a):
    out = np.empty_like(a)
    for i in range(a.shape[0]):
        out[i] = a[i] + 1e300
    return out
def acc(a):
    s = np.float32(0)
    for i in range(a.shape[0]):
        s = s + a[i] * 0.1
    return s
for _ in range(6):
    r = bump(np.ones(3, dtype=np.float32))
    s = acc(np.arange(100, dtype=np.float32))
    print(r.dtype, r.tobytes().hex(), type(s).__name__, repr(s))
