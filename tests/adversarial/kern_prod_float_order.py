# assumption: (kernels auto) np.prod of float64 in a loop matches NumPy's product bit for bit
# modes: kernels
import numpy as np
def prods(a):
    t = 1.0
    for i in range(2):
        t = t * np.prod(a)
    return t
rng = np.random.default_rng(17)
a = rng.uniform(0.5, 1.5, size=5000)
for _ in range(8):
    print(repr(prods(a)))
