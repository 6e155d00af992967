# assumption: (kernels auto) a bool parameter used in arithmetic behaves as int 0/1
# modes: kernels default
import numpy as np
def shift(a, flag):
    t = 0.0
    for i in range(a.shape[0]):
        t += a[i] + flag
    return t
print(shift(np.ones(3), True), shift(np.ones(3), False))
