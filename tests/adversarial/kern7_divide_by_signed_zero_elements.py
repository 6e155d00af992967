# assumption: (kernels auto) `/ // %` of float64 elements by 0.0 and -0.0 (and of nan/inf by zero) give NumPy's values and warnings
# modes: kernels
import warnings
import numpy as np
def divs(a, d):
    out = np.empty(3 * a.shape[0])
    for i in range(a.shape[0]):
        out[3 * i] = a[i] / d
        out[3 * i + 1] = a[i] // d
        out[3 * i + 2] = a[i] % d
    return out
for _ in range(3):
    for d in (0.0, -0.0, 0):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            r = divs(np.array([1.0, -1.0, 0.0, np.nan, np.inf]), d)
        print(d, [v.hex() for v in r.tolist()], sorted(set(str(m.message) for m in w)), len(w))
