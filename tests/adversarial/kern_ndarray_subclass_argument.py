# assumption: (kernels auto) an ndarray subclass argument keeps its class through a function returning a whole-array result or the argument
# modes: kernels
import numpy as np
class Tagged(np.ndarray):
    pass
def scaled(a):
    for i in range(a.shape[0]):
        a[i] = a[i] * 2.0
    return a
def plus(a):
    return np.abs(a) + 1.0
for _ in range(8):
    t = np.arange(3.0).view(Tagged)
    r = scaled(t)
    q = plus(t)
    print(type(r).__name__, type(q).__name__, r.tobytes().hex(), q.tobytes().hex())
