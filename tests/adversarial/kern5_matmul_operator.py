# assumption: (kernels auto) a function using the `@` operator compiles (the kernel analysis must not crash on it) and gives NumPy's types and bits
# modes: kernels
import numpy as np
def mm(a, b):
    return np.abs(a) @ b
m = np.arange(12.0).reshape(3, 4) / 7.0
v = np.array([0.1, 1e16, 3.3, -1e16])
for _ in range(9):
    print(mm(m, m.T).tobytes().hex(), mm(m.T, m).tobytes().hex())
    r = mm(v, v)
    print(type(r).__name__, repr(r))
    r = mm(np.arange(4), np.arange(4))
    print(type(r).__name__, repr(r))
