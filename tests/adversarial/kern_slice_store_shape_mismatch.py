# assumption: (kernels auto) a slice store or broadcast of the wrong shape raises NumPy's ValueError, with the arrays unchanged
# modes: kernels
import numpy as np
def shift_in(out, a):
    out[1:] = a
    for i in range(out.shape[0]):
        out[i] += 1.0
    return out
def scaled(a, b):
    return np.abs(a) * b + 1.0
for n in (3, 2, 5, 1, 3, 4, 3, 2, 3):
    o = np.zeros(4)
    try:
        print(shift_in(o, np.ones(n)))
    except ValueError as e:
        print("ValueError", e, o)
    try:
        print(scaled(np.ones(3), np.ones(n)))
    except ValueError as e:
        print("ValueError", e)
