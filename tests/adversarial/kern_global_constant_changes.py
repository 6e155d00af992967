# assumption: (kernels auto) a module global read by a loop function is frozen at first call
# modes: kernels default
import numpy as np
SCALE = 2.0
def scaled_sum(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * SCALE
    return s
print(scaled_sum(np.ones(3)))
SCALE = 10.0
print(scaled_sum(np.ones(3)))
