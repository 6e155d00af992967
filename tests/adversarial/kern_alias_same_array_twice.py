# assumption: (kernels auto) `f(x, x)` where f writes one whole-array result into its first argument from a shifted view of the second
# modes: kernels
import numpy as np
def smear(out, x):
    out[1:] = np.abs(x[:-1]) * 2.0
    return out
for _ in range(8):
    a = np.arange(1.0, 7.0)
    smear(a, a)
    print(a.tobytes().hex())
