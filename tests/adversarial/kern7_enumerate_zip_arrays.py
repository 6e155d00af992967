# assumption: (kernels auto) enumerate over a 2-D array gives rows, zip stops at the shorter array, as in CPython
# modes: kernels
import numpy as np
def f(m, v):
    s = 0.0
    for i, row in enumerate(m):
        for x, y in zip(row, v):
            s = s * 1.5 + x * y + i
    return s
for _ in range(3):
    m = np.arange(12.0).reshape(3, 4)
    print(f(m, np.array([1.0, -1.0])), f(m, np.arange(9.0)), f(m.T, np.ones(3)), f(m[:0], np.ones(2)))
