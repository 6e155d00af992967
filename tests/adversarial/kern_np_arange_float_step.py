# assumption: (kernels auto) np.arange with a float start/step gives NumPy's values (NumPy fills with start + i*(a[1]-a[0]))
# modes: kernels
import numpy as np
def grid(start, stop, step):
    r = np.arange(start, stop, step)
    for i in range(1):
        r = r * 1.0
    return r
for _ in range(8):
    print(grid(1.0, 2.0, 0.1).tobytes().hex())
    print(grid(1e8, 1e8 + 1.0, 0.3).tobytes().hex())
