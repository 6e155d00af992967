# assumption: (kernels auto) comparing int64 array elements near 2**53 with Python floats gives NumPy's answers (NumPy converts the int64 to float64)
# modes: kernels
import numpy as np
def count(a, x):
    c = 0
    for i in range(a.shape[0]):
        if a[i] == x:
            c += 1
        if a[i] < x:
            c += 10
    return c
a = np.array([2**53, 2**53 + 1, 2**53 - 1, 2**62 + 1, -2**53 - 1])
for _ in range(3):
    for x in (9007199254740992.0, 9007199254740993.0, 4.611686018427388e18, -9007199254740992.0, 2**53):
        print(repr(x), count(a, x))
