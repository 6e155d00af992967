# assumption: (kernels auto) `%` and `//` of float64 array elements by negative and positive Python floats give NumPy's signs of zero and values
# modes: kernels
import numpy as np
def mods(a, d):
    out = np.empty(a.shape[0] * 2)
    for i in range(a.shape[0]):
        out[2 * i] = a[i] % d
        out[2 * i + 1] = a[i] // d
    return out
a = np.array([-0.0, 0.0, 5.0, -5.0, 2.5, -2.5, 1e300, -1e-300, 7.5])
for _ in range(3):
    for d in (2.5, -2.5, 0.1, -0.1, 3.0):
        r = mods(a, d)
        print(d, [x.hex() for x in r.tolist()])
