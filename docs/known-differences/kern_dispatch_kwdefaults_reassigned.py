# assumption: (kernels auto) a function with keyword-only parameters keeps its __kwdefaults__, and assigning them between calls changes what calls that omit those keywords compute
# modes: kernels
import numpy as np


def kw(a, *, scale=2.0):
    t = 0.0
    for i in range(a.shape[0]):
        t = t + a[i] * scale
    return t


x = np.array([1.0, 0.5])
for _ in range(15):
    r = kw(x)
print(repr(r), kw.__kwdefaults__)
kw.__kwdefaults__ = {"scale": 5.0}
for _ in range(15):
    r = kw(x)
print(repr(r), repr(kw(x, scale=1.0)))
