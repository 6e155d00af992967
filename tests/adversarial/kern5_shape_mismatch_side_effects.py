# assumption: (kernels auto) whole-array code that fails on a shape mismatch raises NumPy's ValueError at the same statement, after the same earlier in-place updates
# modes: kernels
import numpy as np
def update(out, a, b):
    out *= 2.0
    out += np.abs(a)
    out -= b
    return out
for _ in range(9):
    o = np.ones(4)
    try:
        update(o, np.arange(4.0), np.arange(3.0))
    except ValueError as e:
        print("ValueError", e)
    print(o.tobytes().hex())
    o = np.ones(4)
    try:
        update(o, np.arange(5.0), np.arange(4.0))
    except ValueError as e:
        print("ValueError", e)
    print(o.tobytes().hex())
    o = np.ones((2, 4))
    try:
        update(o, np.ones((3, 1)), 1.0)
    except ValueError as e:
        print("ValueError", e)
    print(o.tobytes().hex())
