# assumption: (kernels auto) int8/uint8/float32/bool arrays where int64/float64 arrays were proven run the plain function (NumPy's narrow wrapping, weak scalars, overflow warnings)
# modes: kernels
import warnings
import numpy as np
def f(a):
    out = np.empty_like(a)
    for i in range(a.shape[0]):
        out[i] = a[i] + 100
    return out, a[0] * 3
for _ in range(3):
    for a in (np.array([100, -100, 27], dtype=np.int8), np.array([200, 3, 255], dtype=np.uint8), np.array([1e38, 1.5, -2.25], dtype=np.float32), np.array([1, 2**62], dtype=np.int64), np.array([0.1, 0.2])):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            o, x = f(a)
        print(o.dtype, o.tolist(), repr(x), sorted(str(m.message) for m in w))
