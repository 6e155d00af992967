# assumption: (kernels auto) a sum of range values raised to a power stays within int64
# modes: kernels default
import numpy as np
def quartic_sum(a, n):
    s = 0
    for i in range(n):
        s += i * i * i * i
    return s + a.shape[0]
print(quartic_sum(np.zeros(1), 100000))
