# assumption: (kernels auto) whole-array np.fmin/np.fmax/np.rint/np.copysign of float64 arrays (signed zeros, nan) give NumPy's bits
# modes: kernels
import numpy as np
def g(a, b):
    return np.fmin(a, b) + np.fmax(b, a) * 0.0 + np.copysign(np.rint(a), b)
a = np.array([0.0, -0.0, np.nan, -np.nan, 2.5, -0.5, 3.5, -2.5, 1.0] * 5)
b = np.array([-0.0, 0.0, 1.0, np.nan, 2.5, -0.0, np.nan, -0.5, -np.nan] * 5)
for _ in range(6):
    print(g(a, b).tobytes().hex()[:200], g(b, a).tobytes().hex()[-200:])
