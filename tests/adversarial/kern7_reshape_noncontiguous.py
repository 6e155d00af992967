# assumption: (kernels auto) `.reshape` of a non-contiguous argument (NumPy copies) gives NumPy's values, silently
# modes: kernels
import numpy as np
def f(m):
    v = m.reshape(m.shape[0] * m.shape[1])
    s = 0.0
    for i in range(v.shape[0]):
        s = s * 0.5 + v[i]
    return s
for _ in range(3):
    m = np.arange(12.0).reshape(3, 4)
    print(f(m), f(m.T), f(m[:, ::2]), f(np.asfortranarray(m)))
