# assumption: (kernels auto) math.fsum over an array inside a loop gives the correctly rounded sum
# modes: kernels
import math
import numpy as np
def fs(a):
    t = 0.0
    for i in range(2):
        t += math.fsum(a)
    return t
a = np.array([1e16, 1.0, -1e16, 0.1, 0.2] * 7)
for _ in range(8):
    print(repr(fs(a)))
