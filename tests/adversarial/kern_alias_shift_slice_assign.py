# assumption: (kernels auto) `a[1:] = a[:-1] + 1.0` on overlapping views reads the old values, as NumPy buffers the overlap
# modes: kernels
import numpy as np
def shift_up(a):
    a[1:] = a[:-1] + np.float64(1.0)
    return a.sum()
for _ in range(8):
    a = np.arange(6.0)
    s = shift_up(a)
    print(repr(s), a.tobytes().hex())
