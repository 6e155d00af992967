# assumption: (kernels auto) an int accumulator multiplied by a literal cannot outgrow int64
# modes: kernels default
import numpy as np
def power3(a):
    p = 1
    for i in range(a.shape[0]):
        p = p * 3
    return p
print(power3(np.zeros(50)))
