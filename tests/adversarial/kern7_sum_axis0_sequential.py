# assumption: (kernels auto) `.sum(axis=0)` of a 2-D array adds rows in NumPy's order (C order: sequentially, not pairwise), `.sum(axis=1)` and `.sum()` NumPy's pairwise order, for C, Fortran, transposed and stepped arrays
# modes: kernels
import numpy as np
def s0(a):
    r = a.sum(axis=0)
    for i in range(r.shape[0]):
        r[i] += a[0, 0] * 0.0
    return r
def s1(a):
    r = a.sum(axis=1)
    for i in range(r.shape[0]):
        r[i] += a[0, 0] * 0.0
    return r
def s(a):
    t = a.sum()
    for i in range(a.shape[0]):
        t += 0.0
    return t
rng = np.random.default_rng(5)
x = rng.standard_normal((300, 200)) * 10.0 ** rng.integers(-8, 9, (300, 200))
for _ in range(3):
    for m in (x, np.asfortranarray(x), x.T, x[::-1, ::3], x.T.copy(), x[:, :1], x[:1, :]):
        print(s0(m).tobytes().hex()[:48], s0(m).sum().hex(), s1(m).tobytes().hex()[:48], s1(m).sum().hex(), s(m).hex())
