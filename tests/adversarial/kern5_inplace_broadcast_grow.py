# assumption: (kernels auto) `a += b` where b would broadcast a to a larger shape raises NumPy's "non-broadcastable output operand" ValueError and leaves a unchanged
# modes: kernels
import numpy as np
def grow(a, b):
    a += np.abs(b)
    return a
for _ in range(9):
    a = np.zeros(3)
    try:
        grow(a, np.ones((2, 3)))
        print("no error")
    except ValueError as e:
        print("ValueError", e)
    print(a.tobytes().hex())
    a = np.zeros((2, 1))
    try:
        grow(a, np.arange(4.0))
        print("no error")
    except ValueError as e:
        print("ValueError", e)
    print(a.tobytes().hex())
