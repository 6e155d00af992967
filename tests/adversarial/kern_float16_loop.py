# assumption: (kernels auto) float16 array arithmetic in a loop rounds to float16 at every step, as NumPy does
# modes: kernels
import numpy as np
def acc(a):
    out = np.zeros_like(a)
    s = a[0] * 0
    for i in range(a.shape[0]):
        s = s + a[i] * 0.1
        out[i] = s
    return out
for _ in range(8):
    r = acc(np.arange(1, 40, dtype=np.float16))
    print(r.dtype, r.tobytes().hex())
