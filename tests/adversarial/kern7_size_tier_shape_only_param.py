# assumption: (kernels auto) an array parameter used only through its shape (unknown rank) has no entry bound on its dimensions: n**3 of a 2**21-element array is CPython's 2**63
# modes: kernels
import numpy as np
def cube(a):
    s = 0
    n = a.shape[0]
    for i in range(3):
        s = n * n * n + i
    return s
for _ in range(2):
    for n in (5, 2**20, 2**20 + 1, 2**21, 2**21 + 3):
        r = cube(np.zeros(n, dtype=bool))
        print(n, r, type(r).__name__)
