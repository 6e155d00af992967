# assumption: (kernels auto) np.cumsum of a 2-D Fortran, transposed or stepped array flattens in C order and adds sequentially, as NumPy does
# modes: kernels
import numpy as np
def cs(m):
    c = np.cumsum(m)
    for i in range(c.shape[0]):
        c[i] = c[i] * 1.0
    return c
rng = np.random.default_rng(2)
x = rng.standard_normal((5, 7)) * 10.0 ** rng.integers(-9, 9, (5, 7))
for _ in range(3):
    for m in (x, np.asfortranarray(x), x.T, x[::-2, 1::3]):
        print(cs(m).tobytes().hex()[-80:])
