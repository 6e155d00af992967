# assumption: (kernels auto) slices with bounds beyond the array, reversed bounds and negative steps select NumPy's elements (clipped, possibly empty)
# modes: kernels
import numpy as np
def f(a):
    t = 0.0
    for lo in range(-13, 14, 3):
        for hi in range(-14, 15, 4):
            for st in (1, 2, -1, -3, 7):
                v = a[lo:hi:st]
                s = 0.0
                for i in range(v.shape[0]):
                    s = s * 3.0 + v[i]
                t = t * 0.75 + s + v.shape[0]
    return t
for _ in range(3):
    print(f(np.arange(10.0)), f(np.arange(1.0)), f(np.empty(0)))
