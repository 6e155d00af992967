# assumption: (kernels auto) an np.float64 argument where a Python float was proven runs plain: its overflow warning and NumPy result type stay
# modes: kernels
import warnings
import numpy as np
def grow(x, n):
    for i in range(n):
        x = x * 1e200
    return x
warnings.simplefilter("always")
for _ in range(3):
    for x in (1.5, np.float64(1.5), np.float32(1.5), True, 2):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            r = grow(x, 3)
        print(type(x).__name__, r, type(r).__name__, [str(m.message) for m in w])
