# assumption: (kernels auto) measured whole-array reductions give the same bits whichever way a call runs (kernel or plain, alternating while timed): np.mean/np.sum/.mean(axis=) of float64 views (transposed, reversed, strided, 2-D) of lengths around NumPy's pairwise block sizes, int arrays, and a float32 array (routed plain)
# modes: kernels
import hashlib

import numpy as np


def stats(a):
    return np.mean(a), np.sum(a * a), a.sum() / a.size


def cols(m):
    return m.mean(axis=0), np.sum(m, axis=1), np.mean(m, axis=1)


def center(a, w):
    return np.mean(a - np.mean(a)) + w * np.sum(a)


rng = np.random.default_rng(12345)
base = rng.standard_normal(1031) * 1e3
m = rng.standard_normal((129, 17))
inputs = [base, base[::-1], base[::3], base[:8], base[:9], base[:128], base[:129], base[:1000]]
for rep in range(15):
    for a in inputs:
        r = stats(a)
        c = center(a, 0.5)
        if rep in (0, 7, 14):
            print(a.size, [v.hex() for v in r], c.hex(), [type(v).__name__ for v in r], type(c).__name__)
    for mm in (m, m.T, m[::2, ::-1]):
        r = cols(mm)
        if rep in (0, 7, 14):
            print(mm.shape, [hashlib.sha256(v.tobytes()).hexdigest()[:20] for v in r], [v.dtype.name for v in r], [v.shape for v in r])
    ints = (base * 100).astype(np.int64)
    f32 = base.astype(np.float32)
    for a in (ints, ints[::2], f32):
        r = stats(a)
        c = center(a, 2)
        if rep in (0, 14):
            print([repr(v) for v in r], repr(c))
