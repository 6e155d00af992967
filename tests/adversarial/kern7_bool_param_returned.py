# assumption: (kernels auto) a bool argument returned (or passed through) unchanged stays a bool, where int arithmetic on it gives an int
# modes: kernels
import numpy as np
def f(a, k):
    for i in range(a.shape[0]):
        a[i] += k
    return k
def g(a, k):
    t = k
    for i in range(a.shape[0]):
        t = t + a[i] * 0
    return t
for _ in range(3):
    x = np.zeros(3)
    for k in (True, False, 1, 2.0):
        r = f(x, k)
        print(repr(r), x.tolist())
        r = g(np.arange(3), k)
        print(repr(r), type(r).__name__)
