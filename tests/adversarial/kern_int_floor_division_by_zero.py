# assumption: (kernels auto) Python int floor division by zero raises ZeroDivisionError at the same point
# modes: kernels default
import numpy as np
def quotients(a, n):
    t = 0.0
    for i in range(a.shape[0]):
        t += a[i] * (n // i)
    return t
try:
    print(quotients(np.ones(3), 10))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
