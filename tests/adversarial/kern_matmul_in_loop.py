# assumption: (kernels auto) `@` inside a loop function is refused (never a compiler crash) and gives NumPy's result
# modes: kernels
import numpy as np
def powers(m, n):
    out = m
    for _ in range(n):
        out = out @ m
    return out
m = np.array([[1.0, 1.0], [1.0, 0.0]])
for _ in range(8):
    print(powers(m, 5).tolist())
