# assumption: (kernels auto) keyword arguments, defaults and argument kinds (int for a float default, bool, NumPy scalars) bind and compute as in CPython
# modes: kernels
import numpy as np
def f(a, scale=2.0, shift=0):
    out = np.empty(a.shape[0])
    for i in range(a.shape[0]):
        out[i] = a[i] * scale + shift
    return out
x = np.array([1.0, -2.5])
for _ in range(3):
    print(f(x).tolist(), f(x, 3).tolist(), f(x, shift=True).tolist(), f(shift=-1, a=x, scale=0.5).tolist())
    print(f(x, np.float64(1.5)).tolist(), f(x, np.int64(2), np.True_).tolist(), f(x, 2**62).tolist())
    try:
        f(x, 1.0, 2, 3)
    except TypeError as e:
        print("TypeError", e)
    try:
        f(x, scale=1.0, sclae=2.0)
    except TypeError as e:
        print("TypeError", e)
