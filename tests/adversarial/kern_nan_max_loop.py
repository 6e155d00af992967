# assumption: (kernels auto) a max loop over values with nan gives the same answer (comparisons with nan are False)
# modes: kernels default
import numpy as np
def biggest(a):
    m = a[0]
    for i in range(1, a.shape[0]):
        if a[i] > m:
            m = a[i]
    return m
print(biggest(np.array([1.0, np.nan, 3.0])), biggest(np.array([np.nan, 2.0])))
