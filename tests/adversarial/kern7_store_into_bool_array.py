# assumption: (kernels auto) floats and ints stored into a bool array become NumPy's bools (nan, -0.0, 0.5, -1)
# modes: kernels
import numpy as np
def f(dst, src):
    for i in range(src.shape[0]):
        dst[i] = src[i]
    return dst
for _ in range(3):
    s = np.array([0.0, -0.0, 0.5, np.nan, -np.inf, 1e-320])
    print(f(np.zeros(6, dtype=bool), s).tolist())
    print(f(np.zeros(3, dtype=bool), np.array([0, -1, 2**62])).tolist())
    print(f(np.zeros(3), np.array([True, False, True])).tolist())
    print(f(np.zeros(3, dtype=np.int64), np.array([-2.7, 2.7, -0.0])).tolist())
