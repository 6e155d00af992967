# assumption: (kernels auto) a kernel calling math.sqrt / np.abs sees a monkeypatched module attribute between calls, as CPython does
# modes: kernels
import math
import numpy as np
def f(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += math.sqrt(a[i]) + np.abs(a[i])
    return s
x = np.arange(1.0, 5.0)
print(f(x))
real_sqrt, real_abs = math.sqrt, np.abs
math.sqrt = lambda v: -1.0
print(f(x))
math.sqrt = real_sqrt
np.abs = lambda v: 1000.0
print(f(x))
np.abs = real_abs
print(f(x))
