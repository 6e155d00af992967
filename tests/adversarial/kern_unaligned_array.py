# assumption: (kernels auto) an unaligned float64 view (offset 1 into a byte buffer) gives the same results, with no warning
# modes: kernels
import numpy as np
def scale(a):
    s = 0.0
    for i in range(a.shape[0]):
        a[i] = a[i] + 0.5
        s += a[i]
    return s
for _ in range(6):
    buf = np.zeros(8 * 4 + 1, dtype=np.uint8)
    v = buf[1:].view(np.float64)
    v[:] = [1.0, 2.0, 3.0, 4.0]
    print(v.flags.aligned, repr(scale(v)), v.tobytes().hex())
