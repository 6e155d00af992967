# assumption: (kernels auto) np.any/np.all and `if a[i]` of float elements treat nan as true and -0.0 as false, as NumPy does
# modes: kernels
import numpy as np
def truth(a):
    c = 0
    for i in range(a.shape[0]):
        if a[i]:
            c += 1
    return c, np.any(a), np.all(a)
for _ in range(3):
    for a in ([np.nan], [-0.0], [0.0, -0.0], [np.nan, 1.0], [], [1e-320]):
        c, x, y = truth(np.array(a, dtype=float))
        print(a, c, repr(x), repr(y))
