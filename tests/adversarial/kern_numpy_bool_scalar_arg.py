# assumption: (kernels auto) a np.bool_ argument behaves as NumPy's bool (True + True is True only for NumPy bools in arrays; here scalar arithmetic)
# modes: kernels
import numpy as np
def tally(flag, n):
    t = 0
    for i in range(n):
        t = t + flag
        t = t + (flag and i > 0)
    return t
for _ in range(8):
    r = tally(np.True_, 3)
    q = tally(True, 3)
    print(type(r).__name__, repr(r), type(q).__name__, repr(q))
