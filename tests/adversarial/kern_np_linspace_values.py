# assumption: (kernels auto) np.linspace gives NumPy's values bit for bit, endpoint included
# modes: kernels
import numpy as np
def grid(a, b, n):
    r = np.linspace(a, b, n)
    for i in range(1):
        r = r + 0.0
    return r
for _ in range(8):
    print(grid(0.1, 0.7, 7).tobytes().hex(), grid(-3.3, 1e10, 13).tobytes().hex())
