# assumption: (kernels auto) an in-place whole-array update with an operand of the wrong shape raises NumPy's ValueError (Numba's in-place operators do not check shapes)
# modes: kernels
import numpy as np
def sub(out, b):
    out -= np.abs(b)
    return out
for _ in range(9):
    o = np.ones(4)
    try:
        sub(o, np.arange(3.0))
        print("no error")
    except ValueError as e:
        print("ValueError", e)
    print(o.tobytes().hex())
