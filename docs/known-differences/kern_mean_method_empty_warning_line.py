# assumption: (kernels auto) `a.mean()` (the method) of an empty array warns "Mean of empty slice" at the user's line, as NumPy does, while `np.mean(a)` warns at NumPy's own line; each shown once under the default filter
# modes: kernels
import numpy as np
def avg_method(a):
    t = 0.0
    for i in range(1):
        t += a.mean()
    return t
def avg_function(a):
    t = 0.0
    for i in range(1):
        t += np.mean(a)
    return t
for _ in range(16):
    print(repr(avg_method(np.array([1.0, 2.5]))), repr(avg_function(np.array([1.0, 2.5]))))
for _ in range(4):
    print(repr(avg_method(np.zeros(0))))
for _ in range(4):
    print(repr(avg_function(np.zeros(0))))
