# assumption: (kernels auto) np.sign of nan/-0.0/inf elements and abs() of int64 and float elements give NumPy's values and types
# modes: kernels
import numpy as np
def f(a):
    out = np.empty(2 * a.shape[0])
    for i in range(a.shape[0]):
        out[2 * i] = np.sign(a[i])
        out[2 * i + 1] = abs(a[i])
    return out, np.sign(a[0]), abs(a[0])
for _ in range(3):
    for a in (np.array([np.nan, -0.0, 0.0, -np.inf, 3.5]), np.array([-3, 0, 2**62])):
        o, s, b = f(a)
        print([v.hex() if isinstance(v, float) else v for v in o.tolist()], repr(s), repr(b))
