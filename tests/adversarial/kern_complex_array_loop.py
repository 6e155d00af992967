# assumption: (kernels auto) a loop over a complex128 array gives CPython+NumPy's complex sums and types
# modes: kernels
import numpy as np
def csum(a):
    s = 0.0
    for i in range(a.shape[0]):
        s = s + a[i] * 2.0
    return s
for _ in range(8):
    r = csum(np.array([1 + 2j, -0.5j, 3.0]))
    print(type(r).__name__, repr(r))
