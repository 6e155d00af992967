# assumption: (kernels auto) writing into a read-only array raises NumPy's ValueError and prints nothing else
# modes: kernels
import numpy as np
def bump(a):
    for i in range(a.shape[0]):
        a[i] = a[i] + 1.0
    return a
for _ in range(5):
    w = np.zeros(3)
    bump(w)
    print(w.tobytes().hex())
for _ in range(5):
    r = np.zeros(3)
    r.flags.writeable = False
    try:
        bump(r)
    except ValueError as e:
        print("ValueError", e)
