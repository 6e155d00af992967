# assumption: (kernels auto) `int(a[i])` of nan/inf in a comparison raises ValueError/OverflowError as in CPython
# modes: kernels
import numpy as np
def count_big(a):
    c = 0
    for i in range(a.shape[0]):
        if int(a[i]) > 2:
            c += 1
    return c
for _ in range(6):
    print(count_big(np.array([1.0, 3.5, 7.0])))
for bad in (np.array([1.0, np.nan]), np.array([np.inf, 1.0])):
    for _ in range(3):
        try:
            print(count_big(bad))
        except (ValueError, OverflowError) as e:
            print(type(e).__name__, e)
