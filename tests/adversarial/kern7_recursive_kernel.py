# assumption: (kernels auto) a function with a loop that calls itself gives CPython's result (recursion, or the plain function)
# modes: kernels
import numpy as np
def tot(a, depth):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    if depth > 0:
        s += tot(a[1:], depth - 1)
    return s
for _ in range(3):
    print(tot(np.arange(6.0), 3), tot(np.arange(3.0), 5))
