# assumption: (kernels auto) np.fmin/np.fmax/np.copysign/np.signbit/np.rint/np.trunc/np.ceil on float64 elements give NumPy's bits for signed zeros, ties and nan signs
# modes: kernels
import numpy as np
def f(a, b):
    out = np.empty(8 * a.shape[0])
    for i in range(a.shape[0]):
        out[8 * i] = np.fmin(a[i], b[i])
        out[8 * i + 1] = np.fmax(a[i], b[i])
        out[8 * i + 2] = np.copysign(1.0, a[i])
        out[8 * i + 3] = np.signbit(a[i])
        out[8 * i + 4] = np.rint(a[i])
        out[8 * i + 5] = np.trunc(a[i])
        out[8 * i + 6] = np.ceil(a[i])
        out[8 * i + 7] = np.floor(b[i])
    return out
a = np.array([0.0, -0.0, np.nan, -np.nan, 2.5, -0.5, 3.5, -2.5, 1.0])
b = np.array([-0.0, 0.0, 1.0, np.nan, 2.5, -0.0, np.nan, -0.5, -np.nan])
for _ in range(3):
    print([v.hex() for v in f(a, b).tolist()])
    print([v.hex() for v in f(b, a).tolist()])
