# assumption: (kernels auto) abs() and unary minus of INT64_MIN array elements give NumPy's wrapped values (and warnings)
# modes: kernels
import numpy as np
def absall(a):
    out = np.empty_like(a)
    for i in range(a.shape[0]):
        out[i] = abs(a[i]) - (-a[i])
    return out
a = np.array([-2**63, -3, 4], dtype=np.int64)
for _ in range(6):
    print(absall(a).tobytes().hex())
