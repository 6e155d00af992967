# assumption: (kernels auto) sum() of a generator over an array gives CPython's left-to-right result and type
# modes: kernels
import numpy as np
def sq(a):
    t = 0.0
    for k in range(1):
        t += sum(a[i] * a[i] for i in range(a.shape[0]))
    return t
def sq_empty(n):
    t = 0
    for k in range(1):
        t += sum(i * 0.5 for i in range(n))
    return t
for _ in range(8):
    r = sq(np.array([0.1, 0.2, 0.3]))
    print(type(r).__name__, repr(r), repr(sq_empty(0)), repr(sq_empty(5)))
