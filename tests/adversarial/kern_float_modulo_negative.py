# assumption: (kernels auto) float `%` with a negative operand follows Python's sign rule in both
# modes: kernels default
import numpy as np
def mods(a, out):
    for i in range(a.shape[0]):
        out[i] = a[i] % -3.0
    return out
print(mods(np.array([7.5, -7.5, 0.0]), np.zeros(3)).tolist())
