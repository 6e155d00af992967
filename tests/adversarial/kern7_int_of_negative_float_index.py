# assumption: (kernels auto) int() of a negative float used as an index truncates toward zero, then wraps like NumPy (a[int(-1.5)] is a[-1])
# modes: kernels
import numpy as np
def pick(a, xs):
    s = 0.0
    for i in range(xs.shape[0]):
        s = s * 10.0 + a[int(xs[i])]
    return s
a = np.arange(1.0, 6.0)
for _ in range(3):
    print(pick(a, np.array([-0.5, -1.5, -4.9, 0.99, 4.999, -0.0, -5.0])), pick(a, np.array([2.0])))
    try:
        pick(a, np.array([np.nan]))
    except ValueError as e:
        print("ValueError", e)
