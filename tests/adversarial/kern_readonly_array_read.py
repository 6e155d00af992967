# assumption: (kernels auto) a read-only array that is only read gives the same sum as a writable one
# modes: kernels
import numpy as np
def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * 1.5
    return s
for _ in range(8):
    r = np.linspace(0.0, 1.0, 7)
    r.flags.writeable = False
    print(repr(total(r)), repr(total(np.linspace(0.0, 1.0, 7))))
