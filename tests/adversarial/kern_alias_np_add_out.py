# assumption: (kernels auto) `np.add(a[1:], a[:-1], out=a[1:])` with overlapping operands gives NumPy's buffered result
# modes: kernels
import numpy as np
def step(a):
    np.add(a[1:], a[:-1], out=a[1:])
    return a
for _ in range(8):
    a = np.arange(1.0, 7.0)
    step(a)
    print(a.tobytes().hex())
