# assumption: (kernels auto) `/`, `//` and `%` of float64 array elements give NumPy's overflow/invalid RuntimeWarnings (1e300 / 1e-310, inf // 2.0, inf % 2.0)
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
    for a, d in ((np.array([1e300, 1.0]), 1e-310), (np.array([np.inf, 3.0]), 2.0), (np.array([1.0, 3.0]), 2.0)):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            r = divs(a, d)
        print(d, r.tolist(), sorted(str(m.message) for m in w))
