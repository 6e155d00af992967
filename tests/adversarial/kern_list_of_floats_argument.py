# assumption: (kernels auto) a list of floats and a list of ints passed to an array loop give CPython's results and types
# modes: kernels
import numpy as np
def scale(a):
    s = 0.0
    for i in range(len(a)):
        s += a[i] * 0.5
    return s
for _ in range(6):
    r1 = scale([1.0, 2.0, 3.0])
    r2 = scale(np.array([1.0, 2.0, 3.0]))
    r3 = scale([1, 2, 2**70])
    print(type(r1).__name__, repr(r1), type(r2).__name__, repr(r2), repr(r3))
