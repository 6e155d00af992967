# assumption: (kernels auto) `a *= b` where a and b are overlapping views of one array passed as two arguments gives NumPy's result (the old values of b)
# modes: kernels
import numpy as np
def scale_by(a, b):
    a *= b
    return np.abs(a)
for _ in range(9):
    x = np.arange(1.0, 7.0)
    scale_by(x[1:], x[:-1])
    print(x.tolist())
    x = np.arange(1.0, 7.0)
    scale_by(x[:-1], x[1:])
    print(x.tolist())
    x = np.arange(1, 7)
    scale_by(x[1:], x[:-1])
    print(x.tolist())
