# assumption: (kernels auto) a left shift in a loop cannot outgrow int64
# modes: kernels default
import numpy as np
def shifts(a):
    x = 1
    for i in range(a.shape[0]):
        x = x << 1
    return x
print(shifts(np.zeros(80)))
