# assumption: (kernels auto) a kernel called with int and then float arrays gives NumPy's results for each
# modes: kernels default
import numpy as np
def total(a):
    s = a[0] * 0
    for i in range(a.shape[0]):
        s += a[i]
    return s
print(total(np.arange(5)), total(np.arange(5) / 2), total(np.arange(5, dtype=np.int32)))
