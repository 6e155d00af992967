# assumption: (kernels auto) an accumulator starting as int 0 and adding floats returns int 0 on an empty array
# modes: kernels default
import numpy as np
def total(a):
    s = 0
    for i in range(a.shape[0]):
        s = s + a[i]
    return s
print(repr(total(np.zeros(0))), repr(total(np.ones(2))))
