# assumption: (kernels auto) `.size` of a 2-D argument whose dimensions are each within the entry bound (2**20) may still exceed it: size**3 of a 2**11 x 2**11 array is CPython's 2**66
# modes: kernels
import numpy as np
def cube(a):
    s = 0
    n = a.size
    for i in range(a.shape[0]):
        s = n * n * n + a[i, 0]
    return s
for _ in range(2):
    for k in (5, 2**10, 2**11):
        r = cube(np.zeros((k, k), dtype=np.int64))
        print(k, r, type(r).__name__)
