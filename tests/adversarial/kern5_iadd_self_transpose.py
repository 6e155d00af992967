# assumption: (kernels auto) `m += m.T` and `m *= m[::-1]` (the updated array read through a transposed or reversed view of itself) give NumPy's results (it buffers the overlap)
# modes: kernels
import numpy as np
def sym(m):
    m += m.T
    return np.abs(m)
def mirror(a):
    a *= a[::-1]
    return np.abs(a)
for _ in range(9):
    m = np.arange(9.0).reshape(3, 3)
    sym(m)
    print(m.tobytes().hex())
    m = np.arange(9).reshape(3, 3)
    sym(m)
    print(m.tolist())
    a = np.arange(1.0, 6.0)
    mirror(a)
    print(a.tolist())
