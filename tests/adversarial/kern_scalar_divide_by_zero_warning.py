# assumption: (kernels auto) dividing NumPy scalars by zero is silent (NumPy prints a RuntimeWarning)
# modes: kernels default
import numpy as np
def ratios(a, b, out):
    for i in range(a.shape[0]):
        out[i] = a[i] / b[i]
    return out
print(ratios(np.array([1.0, 2.0]), np.array([0.0, 4.0]), np.zeros(2)))
