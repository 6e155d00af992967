# assumption: (kernels auto) -0.0 survives unary minus, abs, multiplication and subtraction in Python float and float64 element arithmetic as in CPython/NumPy
# modes: kernels
import numpy as np
def f(a, x):
    out = np.empty(6 * a.shape[0])
    for i in range(a.shape[0]):
        out[6 * i] = -a[i]
        out[6 * i + 1] = abs(a[i])
        out[6 * i + 2] = a[i] * -1.0
        out[6 * i + 3] = 0.0 - a[i]
        out[6 * i + 4] = a[i] + x
        out[6 * i + 5] = -x + 0.0 * a[i]
    return out
for _ in range(3):
    for x in (0.0, -0.0):
        print(x, [v.hex() for v in f(np.array([0.0, -0.0, -1.0]), x).tolist()])
