# assumption: (kernels auto) a loop writing a view of its argument while reading the argument sees its own writes, as CPython does
# modes: kernels
import numpy as np
def prefix(a):
    v = a[1:]
    for i in range(v.shape[0]):
        v[i] = v[i] + a[i]
    return a
for _ in range(8):
    a = np.arange(1.0, 8.0)
    prefix(a)
    print(a.tobytes().hex())
