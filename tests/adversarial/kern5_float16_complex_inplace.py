# assumption: (kernels auto) in-place whole-array updates of float16, float32 and complex arrays, and float64 arrays updated with them, give NumPy's values and casting errors
# modes: kernels
import numpy as np
def upd(a, b):
    a += np.abs(b)
    return a
for _ in range(9):
    for a, b in ((np.array([1.0, 2.0], dtype=np.float16), np.array([0.1, 70000.0])),
                 (np.array([1.0, 2.0], dtype=np.float32), np.array([0.1, 1e-8])),
                 (np.array([1 + 1j, 2]), np.array([3.0, -4.0])),
                 (np.array([1.0, 2.0]), np.array([3 + 4j, 1j])),
                 (np.array([1.0, 2.0]), np.array([1.5, 2.5], dtype=np.float16))):
        try:
            r = upd(a, b)
            print(r.dtype, r.tobytes().hex())
        except TypeError as e:
            print(type(e).__name__, e)
