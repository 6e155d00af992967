# assumption: (kernels auto) whole-array comparisons with NaN give bool arrays; &, |, ~, np.logical_*, .sum()/.any() of them and (3,1)-with-(4,) broadcasting give NumPy's values, dtypes, shapes and result types
# modes: kernels
import numpy as np
def sel(a, b):
    gt = a > b
    eq = a == b
    ne = a != b
    both = (a >= 0.0) & gt | ~ne
    r = np.where(both, a * 1.0 - b, b * 2.0)
    return gt, eq, ne, both, np.logical_or(gt, eq), r, gt.sum(), eq.any(), both.all()
def grid(col, row):
    g = col * row.ravel() - 1.5
    return g, g > 0.0, np.where(g < 1.0, g, -1.0), (g > 0.0).sum(), np.any(g == -1.5)
def show(r):
    t = type(r).__name__
    if t == "ndarray":
        return (t, r.dtype.str, r.shape, r.tobytes().hex())
    return (t, repr(r))
a = np.array([1.0, -2.0, 3.5, np.nan, -0.0, 4.0])
b = np.array([0.5, -1.0, 3.5, 1.0, 0.0, np.nan])
col = np.array([[0.5], [-1.0], [2.0]])
row = np.array([1.0, 0.0, -0.0, np.nan])
ib = np.array([True, False, True, False])
ii = np.array([1, 0, -1, 2])
for _ in range(16):
    print([show(r) for r in sel(a, b)])
    print([show(r) for r in sel(a[::-2], b[1::2])])
    print([show(r) for r in sel(a[:0], b[:0])])
    print([show(r) for r in sel(ib, ii)])
    print([show(r) for r in grid(col, row)])
    print([show(r) for r in grid(row.reshape(4, 1), col)])
    try:
        grid(row, col)
    except ValueError as e:
        print("ValueError", e)
    print([show(r) for r in grid(ii.reshape(4, 1), ib)])
