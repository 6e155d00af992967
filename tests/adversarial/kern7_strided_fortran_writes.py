# assumption: (kernels auto) loops that write through stepped, negative-stepped, transposed and Fortran-ordered views write NumPy's elements
# modes: kernels
import numpy as np
def fill(m, v):
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            m[i, j] = m[i, j] * v + i - j
    return m[0, m.shape[1] - 1]
for _ in range(3):
    base = np.arange(48.0).reshape(6, 8)
    for view in (base, base.T, base[::2, ::-3], base[::-1], np.asfortranarray(base), base[1:4, 2:7].T):
        r = fill(view, 2.0)
        print(repr(r), view.flags.c_contiguous, base.tobytes().hex()[-64:])
