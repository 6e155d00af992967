# assumption: (kernels auto) an exception raised mid-loop leaves the output array exactly as far written as CPython leaves it
# modes: kernels
import numpy as np
def fill_until(out, a):
    for i in range(a.shape[0]):
        if a[i] < 0.0:
            raise ValueError("negative input")
        out[i] = a[i] * 3.0
    return out
for _ in range(6):
    out = np.full(5, -1.0)
    try:
        fill_until(out, np.array([1.0, 2.0, -3.0, 4.0, 5.0]))
    except ValueError as e:
        print("ValueError", e)
    print(out.tobytes().hex())
