# assumption: (kernels auto) an elementwise float64 loop gives the same array (positive)
# modes: kernels default
import numpy as np
def affine(a, out):
    for i in range(a.shape[0]):
        out[i] = a[i] * 2.5 + 1.0
    return out
print(affine(np.linspace(0.0, 1.0, 5), np.zeros(5)).tolist())
