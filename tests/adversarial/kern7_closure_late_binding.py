# assumption: (kernels auto) a nested function reads the enclosing variable's value at call time (late binding), also when rebound after the def
# modes: kernels
import numpy as np
def f(a):
    k = 1.0
    def g(x):
        return x * k + 1.0
    s = 0.0
    for i in range(a.shape[0]):
        s += g(a[i])
        k = k + 1.0
    return s
for _ in range(3):
    print(f(np.arange(5.0)), f(np.array([1.5, -2.0])), f(np.empty(0)))
