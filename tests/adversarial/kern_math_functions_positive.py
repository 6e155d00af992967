# assumption: (kernels auto) math.sqrt/math.exp in a loop give the same floats (positive)
# modes: kernels default
import math
import numpy as np
def norms(a, out):
    for i in range(a.shape[0]):
        out[i] = math.sqrt(a[i]) + math.exp(-a[i])
    return out
print(norms(np.array([0.0, 1.0, 4.0]), np.zeros(3)).tolist())
