# assumption: (kernels auto) whole-array code updating its argument in place and returning it returns that object, updated once per call
# modes: kernels
import numpy as np
def bump(a):
    a += np.abs(a) * 0.5
    return a
x = np.arange(1.0, 5.0)
for _ in range(8):
    r = bump(x)
    print(r is x, x.tobytes().hex())
