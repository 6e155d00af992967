# assumption: (kernels auto) `x * -1.0`, `-1.0 * x`, `x / -1.0` and `-0.0 - x` keep the NaN operand's sign bit as CPython/NumPy do (the hardware operation; LLVM folds them into a sign flip), for whole arrays, array elements and Python floats
# modes: kernels
import math
import numpy as np
def flip(a):
    return np.abs(a) * -1.0
def flip_loop(a):
    out = np.empty(3 * a.shape[0])
    for i in range(a.shape[0]):
        out[3 * i] = -1.0 * a[i]
        out[3 * i + 1] = a[i] / -1.0
        out[3 * i + 2] = -0.0 - a[i]
    return out
def flip_py(x, n):
    s = 0.0
    for i in range(n):
        s = math.copysign(1.0, x * -1.0) + s
    return s
a = np.array([np.nan, -np.nan, 1.0, -0.0])
for _ in range(16):
    print(flip(a).tobytes().hex(), flip_loop(a).tobytes().hex(), repr(flip_py(math.nan, 2)), repr(flip_py(-math.nan, 2)), repr(flip_py(-0.0, 1)))
