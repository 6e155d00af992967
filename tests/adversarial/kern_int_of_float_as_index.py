# assumption: (kernels auto) `a[int(x)]` with x nan/inf raises like CPython; with a fractional x truncates toward zero
# modes: kernels
import numpy as np
def pick(a, x, n):
    s = 0.0
    for i in range(n):
        s += a[int(x * i)]
    return s
a = np.arange(10.0)
for _ in range(6):
    print(repr(pick(a, 1.7, 4)), repr(pick(a, -0.9, 3)))
for x in (np.nan, np.inf):
    for _ in range(2):
        try:
            print(repr(pick(a, x, 2)))
        except (ValueError, OverflowError) as e:
            print(type(e).__name__, e)
