# assumption: (kernels auto) np.mean of an empty float array gives nan with NumPy's two RuntimeWarnings
# modes: kernels
import numpy as np
def avg_all(a):
    t = 0.0
    for i in range(1):
        t += np.mean(a)
    return t
for _ in range(8):
    print(repr(avg_all(np.zeros(0))))
