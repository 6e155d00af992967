# assumption: (kernels auto) a NumPy float scalar 0.0 ** -1.0 in a loop warns "divide by zero encountered in scalar power" as NumPy does
# modes: kernels
import numpy as np
def inv_sum(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] ** -1.0
    return s
for _ in range(6):
    print(repr(inv_sum(np.array([1.0, 2.0, 0.0]))))
