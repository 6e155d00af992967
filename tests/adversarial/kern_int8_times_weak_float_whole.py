# assumption: (kernels auto) whole-array int8/uint8 arithmetic with weak Python scalars keeps NumPy 2's dtypes and wrap
# modes: kernels
import numpy as np
def mix(a):
    return np.abs(a) * 2.5 + (a + 100) * 0
def wrap(a):
    return np.abs(a) + 200
for _ in range(8):
    r = mix(np.array([1, -100, 127], dtype=np.int8))
    w = wrap(np.array([10, 100], dtype=np.uint8))
    print(r.dtype, r.tobytes().hex(), w.dtype, w.tobytes().hex())
