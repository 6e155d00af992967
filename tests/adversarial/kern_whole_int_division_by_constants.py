# assumption: (kernels auto) whole-array `//`, `%` and `/` of int64 and float64 arrays by non-zero literal constants (-1, -2, 3, 0.5) give NumPy's values and dtypes, INT64_MIN // -1 included (NumPy: INT64_MIN with an overflow RuntimeWarning)
# modes: kernels
import numpy as np
def parts(a):
    return a // -2, a % -2, a // 3, a % 3, a / 4, a / 0.5, np.abs(a) // 1
def neg_div(a):
    return np.abs(a) // -1, a % -1
def show(r):
    return (r.dtype.str, r.shape, r.tobytes().hex())
lo = np.iinfo(np.int64).min
i = np.array([lo, -7, 7, 0, 5, -1])
f = np.array([-7.5, 7.5, -0.0, 0.0, np.inf, np.nan, -1e-300])
for _ in range(16):
    print([show(r) for r in parts(i)])
    print([show(r) for r in parts(f)])
    print([show(r) for r in parts(i[::-2])])
    print([show(r) for r in neg_div(i[1:])])
for _ in range(16):
    print([show(r) for r in neg_div(i)])
