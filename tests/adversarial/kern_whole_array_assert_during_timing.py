# assumption: (kernels auto) a whole-array function whose assert fails on one of the first (timed) calls raises once and updates nothing twice
# modes: kernels
import numpy as np
def scaled(a, out):
    assert np.all(a >= 0.0), "negative input"
    out += np.sqrt(a)
    return out
out = np.zeros(3)
for k in range(8):
    a = np.array([1.0, 4.0, 9.0]) if k != 2 else np.array([1.0, -1.0, 2.0])
    try:
        scaled(a, out)
    except AssertionError as e:
        print("AssertionError", e)
    print(out.tobytes().hex())
