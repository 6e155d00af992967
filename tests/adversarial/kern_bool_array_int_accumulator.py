# assumption: (kernels auto) `s = 0; s += b[i]` over a bool array returns NumPy's int64 scalar (type and value), Python's 0 when empty
# modes: kernels
import numpy as np
def count(b):
    s = 0
    for i in range(b.shape[0]):
        s += b[i]
    return s
for _ in range(8):
    r = count(np.array([True, False, True]))
    e = count(np.zeros(0, dtype=bool))
    print(type(r).__name__, repr(r), type(e).__name__, repr(e))
