# assumption: (kernels auto) an assert with a literal message in a loop raises AssertionError with that message
# modes: kernels
import numpy as np
def checked(a):
    s = 0.0
    for i in range(a.shape[0]):
        assert a[i] >= 0.0, "negative entry"
        assert a[i] < 100.0
        s += a[i]
    return s
for _ in range(6):
    print(repr(checked(np.array([1.0, 2.0]))))
for bad in (np.array([1.0, -1.0]), np.array([500.0])):
    for _ in range(2):
        try:
            checked(bad)
        except AssertionError as e:
            print("AssertionError", repr(e.args))
