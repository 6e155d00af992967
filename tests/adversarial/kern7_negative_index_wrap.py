# assumption: (kernels auto) negative indices computed in a loop (a[i - 1] at i == 0, a[-k]) wrap around like NumPy
# modes: kernels
import numpy as np
def f(a):
    out = np.empty(a.shape[0])
    for i in range(a.shape[0]):
        out[i] = a[i - 1] - a[-i - 1] + a[i - a.shape[0]]
    return out
for _ in range(3):
    print(f(np.arange(1.0, 6.0) ** 3).tolist(), f(np.array([2.5])).tolist())
