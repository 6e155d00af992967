# assumption: (kernels auto) an int64 element shifted by a Python-int parameter >= 64 or negative gives NumPy's 0 / -1 (or its error), not a wrapped count
# modes: kernels
import numpy as np
def shifted(a, k, out):
    for i in range(a.shape[0]):
        out[i] = (a[i] << k) + (a[i] >> k)
a = np.array([1, -5, 12345, -1], dtype=np.int64)
for k in (3, 63, 64, 70):
    out = np.zeros(4, dtype=np.int64)
    for _ in range(3):
        shifted(a, k, out)
    print(k, out.tobytes().hex())
try:
    shifted(a, -1, np.zeros(4, dtype=np.int64))
    print("no error")
except ValueError as error:
    print("ValueError", error)
