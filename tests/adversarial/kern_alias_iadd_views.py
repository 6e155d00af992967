# assumption: (kernels auto) `a[1:] += a[:-1]` adds the old neighbours (NumPy), not a running sum
# modes: kernels
import numpy as np
def neighbour_add(a):
    b = a[1:]
    b += np.abs(a[:-1])
    return a
for _ in range(8):
    a = np.arange(1.0, 8.0)
    neighbour_add(a)
    print(a.tobytes().hex())
