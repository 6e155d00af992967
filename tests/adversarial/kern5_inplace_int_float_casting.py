# assumption: (kernels auto) in-place whole-array updates of an int64 array with a float value raise NumPy's UFuncTypeError (same_kind casting) and leave the array unchanged
# modes: kernels
import numpy as np
def bump(a, b):
    a += np.abs(b) * 0.5
    return a
def bump_int(a, b):
    a += np.abs(b)
    return a
for _ in range(9):
    x = np.array([1, 2, 3], dtype=np.int64)
    try:
        bump(x, np.array([1, 2, 3]))
    except TypeError as e:
        print(type(e).__name__, e)
    print(x.dtype, x.tobytes().hex())
    bump_int(x, np.array([True, False, True]))
    print(x.dtype, x.tobytes().hex())
    try:
        bump_int(x, np.array([1.5, 2.5, 3.5]))
    except TypeError as e:
        print(type(e).__name__, e)
    print(x.dtype, x.tobytes().hex())
    y = np.array([True, False, True])
    try:
        bump_int(y, np.array([1, 2, 3]))
    except TypeError as e:
        print(type(e).__name__, e)
    print(y.tobytes().hex())
