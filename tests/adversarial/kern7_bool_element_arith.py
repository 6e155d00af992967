# assumption: (kernels auto) arithmetic on bool array elements gives NumPy's types (np.bool_ & and |, int64 with Python ints, float64 with Python floats)
# modes: kernels
import numpy as np
def f(b):
    c = 0
    for i in range(b.shape[0]):
        c = c + b[i] * 3
    return c
def h(b):
    x = 0.0
    for i in range(b.shape[0]):
        x = x + b[i] * 0.5
    return x
def g(b):
    r = b[0]
    for i in range(b.shape[0]):
        r = r ^ b[i]
    return r
for _ in range(3):
    b = np.array([True, False, True, True])
    c, x = f(b), h(b)
    print(repr(c), repr(x))
    r = g(b)
    print(repr(r), type(r).__name__)
