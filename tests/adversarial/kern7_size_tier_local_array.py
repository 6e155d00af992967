# assumption: (kernels auto) the size of an array made inside the kernel (np.zeros(n * n)) is not bounded by the entry check on n: its length cubed is CPython's int
# modes: kernels
import numpy as np
def cube(n):
    b = np.zeros(n * n, dtype=np.bool_)
    m = b.shape[0]
    s = 0
    for i in range(3):
        s = m * m * m + i
    return s
for _ in range(2):
    for n in (5, 2**10, 2**11):
        r = cube(n)
        print(n, r, type(r).__name__)
