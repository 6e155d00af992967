# assumption: (kernels auto) an exception raised in a loop has the same type and message
# modes: kernels default
import numpy as np
def check(a):
    for i in range(a.shape[0]):
        if a[i] < 0:
            raise ValueError("negative value")
    return a.shape[0]
print(check(np.ones(2)))
try:
    check(np.array([1.0, -1.0]))
except ValueError as e:
    print("ValueError", e)
