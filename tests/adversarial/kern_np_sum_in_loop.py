# assumption: (kernels auto) `np.sum` of float32 rows gives NumPy's pairwise result
# modes: kernels default
import numpy as np
def row_sums(m, out):
    for i in range(m.shape[0]):
        out[i] = np.sum(m[i])
    return out
print(row_sums(np.full((1, 100000), 0.1, dtype=np.float32), np.zeros(1)))
