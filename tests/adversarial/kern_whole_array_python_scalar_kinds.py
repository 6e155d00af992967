# assumption: (kernels auto) whole-array code with Python scalar arguments (bool, big int, float) gives NumPy 2's dtypes and values
# modes: kernels
import numpy as np
def lin(a, b, c):
    return np.abs(a) * b + c
i = np.array([1, -2, 3])
for _ in range(6):
    r1 = lin(i, 2, True)
    r2 = lin(i, 3, 2**62)
    r3 = lin(i, 1.5, 1)
    print(r1.dtype, r1.tobytes().hex(), r2.dtype, r2.tobytes().hex(), r3.dtype, r3.tobytes().hex())
for _ in range(2):
    try:
        print(lin(i, 1, 2**70))
    except OverflowError as e:
        print("OverflowError", e)
