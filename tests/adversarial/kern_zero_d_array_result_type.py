# assumption: (kernels auto) whole-array code on a 0-d array returns what NumPy returns (a NumPy scalar), not a 0-d array
# modes: kernels
import numpy as np
def affine(a):
    return np.abs(a) * 2.0 + 1.0
for _ in range(8):
    r = affine(np.array(3.0))
    print(type(r).__name__, repr(r), np.ndim(r))
