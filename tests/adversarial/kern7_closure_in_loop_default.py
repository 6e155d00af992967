# assumption: (kernels auto) a nested function reading a parameter and called inside loops (and one defined in the loop) computes as in CPython
# modes: kernels
import numpy as np
def f(a, w):
    def g(x):
        return x * w - 1.0
    s = 0.0
    for i in range(a.shape[0]):
        s = s + g(a[i]) * g(s * 0.001)
    return s
for _ in range(3):
    print(f(np.arange(5.0), 0.5), f(np.arange(5.0), 3), f(np.array([-0.0]), -0.0), f(np.empty(0), 1.0))
