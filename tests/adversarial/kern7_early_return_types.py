# assumption: (kernels auto) an early return inside nested loops returns CPython's value and type (Python int index, NumPy element)
# modes: kernels
import numpy as np
def find(a, x):
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            if a[i, j] == x:
                return i * a.shape[1] + j
    return -1
def first_big(a, t):
    for i in range(a.shape[0]):
        if a[i] > t:
            return a[i]
    return a[0]
m = np.arange(12.0).reshape(3, 4)
v = np.array([3, 9, -2, 40])
for _ in range(3):
    for x in (5.0, 11.0, 0.0, -1.0, float("nan")):
        r = find(m, x)
        print(x, r, type(r).__name__)
    for t in (0, 5, 100):
        r = first_big(v, t)
        print(t, r, type(r).__name__)
