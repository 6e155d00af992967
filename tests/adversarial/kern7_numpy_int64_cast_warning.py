# assumption: (kernels auto) np.int64() of a float64 element that is nan or beyond int64 gives NumPy's value and its "invalid value encountered in cast" RuntimeWarning
# modes: kernels
import warnings
import numpy as np
def conv(a, dst):
    for i in range(a.shape[0]):
        dst[i] = np.int64(a[i]) + 1
    return dst
for _ in range(3):
    for a in (np.array([1.5, -2.5]), np.array([np.nan, 1e20, -1e20, np.inf])):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            try:
                r = conv(a, np.zeros(a.shape[0], dtype=np.int64)).tolist()
            except (ValueError, OverflowError) as e:
                r = type(e).__name__
        print(r, sorted(str(m.message) for m in w))
