# assumption: (kernels auto) a function that fills and returns its argument returns the same object (`is`), not a new view
# modes: kernels
import numpy as np
def fill(out):
    for i in range(out.shape[0]):
        out[i] = i * 0.5
    return out
for _ in range(8):
    x = np.zeros(4)
    r = fill(x)
    print(r is x, type(r).__name__, r.base is None, r.tobytes().hex())
