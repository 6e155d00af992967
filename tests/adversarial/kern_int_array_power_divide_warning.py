# assumption: (kernels auto) int64 elements to the power -1.0 with a zero element warn "divide by zero" as NumPy does
# modes: kernels
import numpy as np
def inv_sum(a):
    s = 0.0
    for i in range(a.shape[0]):
        s = s + a[i] ** -2.0
    return s
for _ in range(6):
    print(repr(inv_sum(np.array([1, 2, 0]))))
