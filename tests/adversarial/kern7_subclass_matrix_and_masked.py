# assumption: (kernels auto) NumPy's own ndarray subclasses (np.matrix: 2-D rows and `*` as matmul; masked arrays: masked elements skipped) run plain, in loops and whole-array code
# modes: kernels
import numpy as np


def row_total(m):
    t = 0.0
    for i in range(m.shape[0]):
        t += m[i].sum()
    return t


def scaled(a, b):
    return np.sum(a * b) + 1.0


def masked_sum(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a.sum()
    return s


grid = np.arange(6.0).reshape(2, 3)
masked = np.ma.masked_array(np.arange(4.0), mask=[False, True, False, True])
for _ in range(3):
    print(repr(row_total(grid)), repr(row_total(np.asmatrix(grid))))
    print(repr(scaled(grid, grid)), repr(scaled(np.asmatrix(grid), np.asmatrix(grid).T)))
    print(repr(masked_sum(np.arange(4.0))), repr(masked_sum(masked)))
