# assumption: (kernels auto) `out[:] = x[::-1]` with out and x the same array reverses it (NumPy copies the overlap)
# modes: kernels
import numpy as np
def rev(out, x):
    out[:] = np.negative(x[::-1])
    return out
for _ in range(8):
    a = np.arange(7.0)
    rev(a, a)
    print(a.tobytes().hex())
