# assumption: (kernels auto) whole-array code called with float32/int32/uint8/bool/read-only arrays after float64 ones gives NumPy 2's dtypes (weak Python scalars: float32 stays float32, uint8 wraps) and values
# modes: kernels
import numpy as np
def affine(a, b):
    return np.abs(a) * 2.5 + b * 3 - 1
def sq(a):
    return np.sqrt(np.abs(a)) + a * a
def show(r):
    return (type(r).__name__, r.dtype.str, r.shape, r.tobytes().hex())
f64 = np.array([1.5, -2.25, 3.0, -0.0])
f32 = f64.astype(np.float32)
i64 = np.array([200, -3, 7, 0])
i32 = i64.astype(np.int32)
u8 = np.array([200, 3, 255, 0], dtype=np.uint8)
bo = np.array([True, False, True, True])
ro = f64.copy()
ro.flags.writeable = False
for _ in range(16):
    for a, b in ((f64, f64), (f32, f32), (f32, f64), (i64, i64), (i32, i32), (u8, u8), (bo, bo), (bo, i64), (ro, ro), (f64, 2.0), (f32, 2.0), (i64, 3)):
        print(show(affine(a, b)), show(sq(a)))
