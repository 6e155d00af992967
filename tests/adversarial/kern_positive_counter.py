# assumption: (kernels auto) counting with `k += 1` cannot overflow (positive)
# modes: kernels default
import numpy as np
def count_positive(a):
    k = 0
    for i in range(a.shape[0]):
        if a[i] > 0:
            k += 1
    return k
print(count_positive(np.array([1.0, -1.0, 3.0, 0.0])))
