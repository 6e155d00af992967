# assumption: (kernels auto) one helper (x + x * y) called in one checked-Python-int kernel with a Python bool, a Python int that grows past int64, a Python float, and NumPy elements (bool, int64, float64): each keeps its own type rules (True + True * True is 2, np.True_ + np.True_ * np.True_ is np.True_) and the big int comes from the plain run
# modes: kernels
import numpy as np


def twice(x, y):
    return x + x * y


def user(b, n):
    acc = n * 3
    f = 0.5
    flag = n > 2
    t = 0
    u = b[0]
    for i in range(n):
        acc = twice(acc, 2)
        f = twice(f, 0.5)
        t = twice(flag, flag)
        u = twice(b[i % b.shape[0]], b[0])
    return acc, f, t, u


bs = np.array([True, False, True])
bi = np.array([3, -4, 2**40])
bf = np.array([0.5, -1.5, 3.0])
for args in [(bs, 2), (bs, 3), (bi, 3), (bf, 4), (bs, 4), (bi, 40), (bs, 5), (bi, 2)]:
    try:
        r = user(*args)
        print([(repr(v), type(v).__name__) for v in r])
    except Exception as e:
        print(type(e).__name__, e)
