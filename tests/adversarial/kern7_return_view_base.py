# assumption: (kernels auto) a returned view of an argument shares its memory, so later writes through either are seen by the other (its `.base` identity is not compared: see the report)
# modes: kernels
import numpy as np
def tail(a):
    for i in range(a.shape[0]):
        a[i] += 1.0
    return a[1:]
def flat(m):
    for i in range(m.shape[0]):
        m[i, 0] = -m[i, 0]
    return m.ravel()
for _ in range(3):
    x = np.arange(5.0)
    t = tail(x)
    t[0] = 99.0
    print(x.tolist(), np.shares_memory(t, x), t.flags.owndata, t.flags.writeable)
    m = np.arange(6.0).reshape(2, 3)
    r = flat(m)
    r[1] = 55.0
    print(m.tolist(), np.shares_memory(r, m))
    mt = np.arange(6.0).reshape(2, 3).T
    r = flat(mt)
    r[1] = 55.0
    print(mt.tolist(), r.tolist(), np.shares_memory(r, mt))
