# assumption: (kernels auto) NumPy int scalar `%` by zero gives 0 with a RuntimeWarning, not an exception
# modes: kernels default
import numpy as np
def mods(a, b, out):
    for i in range(a.shape[0]):
        out[i] = a[i] % b[i]
    return out
print(mods(np.array([5, 6]), np.array([0, 4]), np.zeros(2)).tolist())
