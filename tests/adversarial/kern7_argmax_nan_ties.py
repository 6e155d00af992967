# assumption: (kernels auto) np.argmax/np.argmin of float arrays give NumPy's index with nan (first nan), ties (first) and signed zeros
# modes: kernels
import numpy as np
def idx(a):
    t = 0
    for i in range(a.shape[0]):
        t += i
    return np.argmax(a) * 100 + np.argmin(a) + t * 0
for _ in range(3):
    for a in ([1.0, 3.0, 3.0, -1.0], [0.0, -0.0, 0.0], [-0.0, 0.0], [1.0, np.nan, 5.0, np.nan], [np.inf, -np.inf, np.inf], [2.0]):
        r = idx(np.array(a))
        print(a, r, type(r).__name__)
