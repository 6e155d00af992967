# assumption: (kernels auto) a kernel's helper rebound after the first call is seen by later calls
# modes: kernels default
import sys
import numpy as np
def scale(v):
    return v * 2.0
def apply(a, out):
    for i in range(a.shape[0]):
        out[i] = scale(a[i])
    return out
print(apply(np.ones(2), np.zeros(2)))
sys.modules[__name__].scale = lambda v: v * 10.0
print(apply(np.ones(2), np.zeros(2)))
