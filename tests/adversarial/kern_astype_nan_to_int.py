# assumption: (kernels auto) whole-array `.astype(np.int64)` of nan/inf gives NumPy's INT64_MIN with its cast warning
# modes: kernels
import numpy as np
def to_int(a):
    return (np.abs(a) * 1.0).astype(np.int64)
for _ in range(8):
    print(to_int(np.array([1.5, np.nan, np.inf, -2.7, 1e30])).tobytes().hex())
