# assumption: (kernels auto) a kernel writes through a strided view exactly like the loop does
# modes: kernels default
import numpy as np
def fill(out, v):
    for i in range(out.shape[0]):
        out[i] = v + i
    return out
base = np.zeros(6)
fill(base[::2], 1.0)
print(base.tolist())
