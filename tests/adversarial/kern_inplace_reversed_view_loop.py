# assumption: (kernels auto) an in-place array operator inside a loop kernel, with an overlapping reversed view, gives NumPy's buffered result
# modes: kernels
import numpy as np
def fold(a, n):
    total = 0.0
    for i in range(n):
        a *= a[::-1]
        total += np.sqrt(a[0])
    return total
for _ in range(8):
    x = np.arange(1.0, 6.0)
    print(fold(x, 2), x.tolist())
