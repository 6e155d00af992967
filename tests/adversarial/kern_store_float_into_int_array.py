# assumption: (kernels auto) storing float results into an int64 array truncates as NumPy does; nan raises ValueError
# modes: kernels
import numpy as np
def halves(a):
    out = np.zeros(a.shape[0], dtype=np.int64)
    for i in range(a.shape[0]):
        out[i] = a[i] / 2
    return out
for _ in range(6):
    print(halves(np.array([3.0, -3.0, 1e18])).tobytes().hex())
for _ in range(2):
    try:
        print(halves(np.array([1.0, np.nan])).tobytes().hex())
    except ValueError as e:
        print("ValueError", e)
