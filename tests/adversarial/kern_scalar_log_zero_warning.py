# assumption: (kernels auto) np.log of a zero array element warns "divide by zero encountered in log" as NumPy does
# modes: kernels
import numpy as np
def logsum(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += np.log(a[i])
    return s
for _ in range(6):
    print(repr(logsum(np.array([1.0, 2.0, 0.0]))))
