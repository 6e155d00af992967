# assumption: (kernels auto) a read-only array from np.frombuffer written in a loop raises NumPy's ValueError only
# modes: kernels
import numpy as np
def negate(a):
    for i in range(a.shape[0]):
        a[i] = -a[i]
    return a
for _ in range(4):
    print(negate(np.ones(2)).tobytes().hex())
data = np.arange(3.0).tobytes()
for _ in range(3):
    try:
        negate(np.frombuffer(data))
    except ValueError as e:
        print("ValueError", e)
