# assumption: (kernels auto) sum(axis=0) / sum(axis=1) of C and Fortran arrays match NumPy bit for bit
# modes: kernels
import numpy as np
def cols(a):
    r = np.zeros(a.shape[1])
    for k in range(1):
        r += a.sum(axis=0)
    return r
def rows(a):
    r = np.zeros(a.shape[0])
    for k in range(1):
        r += a.sum(axis=1)
    return r
rng = np.random.default_rng(11)
c = rng.standard_normal((400, 5)) * 1e8
f = np.asfortranarray(c)
for _ in range(8):
    print(cols(c).tobytes().hex(), cols(f).tobytes().hex())
    print(rows(c.T).tobytes().hex(), rows(f.T).tobytes().hex())
