# assumption: (kernels auto) np.maximum/np.fmin of scalars in a loop propagate nan and pick zeros' signs as NumPy does
# modes: kernels
import numpy as np
def run(a):
    hi = -np.inf
    lo = np.inf
    for i in range(a.shape[0]):
        hi = np.maximum(hi, a[i])
        lo = np.fmin(lo, a[i])
    return hi, lo
for _ in range(8):
    print(repr(run(np.array([-0.0, 0.0, -0.0]))), repr(run(np.array([1.0, np.nan, -2.0]))))
