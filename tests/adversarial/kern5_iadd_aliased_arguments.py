# assumption: (kernels auto) `a += f(b)` where b is a, a reversed view of a, or an overlapping slice of a gives NumPy's values (NumPy buffers overlapping operands)
# modes: kernels
import numpy as np
def acc(a, b):
    a += np.abs(b)
    return a.sum()
def acc2(a, b):
    a *= b
    a -= np.float64(1.0)
    return a
for _ in range(9):
    x = np.arange(-3.0, 5.0)
    print(repr(acc(x, x)), x.tobytes().hex())
    x = np.arange(-3.0, 5.0)
    print(repr(acc(x, x[::-1])), x.tobytes().hex())
    x = np.arange(-3.0, 5.0)
    print(repr(acc(x[1:], x[:-1])), x.tobytes().hex())
    x = np.arange(-3.0, 5.0)
    print(repr(acc(x[:-1], x[1:])), x.tobytes().hex())
    x = np.arange(-3.0, 5.0)
    r = acc2(x[::2], x[::-2])
    print(r.base is x, x.tobytes().hex())
