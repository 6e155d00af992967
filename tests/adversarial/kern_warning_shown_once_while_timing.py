# assumption: (kernels auto) a NumPy scalar warning the plain function shows once (default filter) is shown once, while the dispatcher times kernel and plain function and compiles other kernels
# modes: kernels
import numpy as np
def ratio(a):
    s = np.sum(a)
    return s / (s - s)
def doubled(counts, a):
    for i in range(a.shape[0]):
        counts[i] = counts[i] * 2
    return counts
def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s
for k in range(9):
    print(ratio(np.ones(3)), doubled(np.array([2**62, 1]), np.ones(2)))
    print(total(np.ones(3, dtype=np.int64) if k == 4 else np.ones(3)))
