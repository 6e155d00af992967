# assumption: (kernels auto) `a -= a[:1]` and `m -= m[:, :1]` (a broadcast view of the updated array itself) subtract the original values, as NumPy does by buffering the overlap
# modes: kernels
import numpy as np
def rebase(a):
    a -= a[:1]
    return np.abs(a)
def rebase_rows(m):
    m -= m[:, :1]
    return np.abs(m)
for _ in range(9):
    a = np.arange(3.0, 9.0)
    rebase(a)
    print(a.tobytes().hex())
    m = np.arange(1.0, 10.0).reshape(3, 3)
    rebase_rows(m)
    print(m.tobytes().hex())
