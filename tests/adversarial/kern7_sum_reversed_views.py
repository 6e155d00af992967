# assumption: (kernels auto) np.sum/.mean of negative-stepped views give NumPy's bits (NumPy reduces in memory order, flipping negative strides, pairwise)
# modes: kernels
import numpy as np
def tot(a):
    t = 0.0
    for i in range(a.shape[0]):
        t += 0.0
    return np.sum(a) + t
def avg(a):
    t = 0.0
    for i in range(a.shape[0]):
        t += 0.0
    return a.mean() + t
rng = np.random.default_rng(11)
x = rng.standard_normal(1003) * 10.0 ** rng.integers(-12, 12, 1003)
m = x[:1000].reshape(20, 50)
for _ in range(3):
    for v in (x, x[::-1], x[::-3], x[-2::-7], x[500:100:-1]):
        print(tot(v).hex(), avg(v).hex())
    for v in (m, m[::-1], m[:, ::-1], m[::-1, ::-2], m.T[::-1]):
        print(tot(v).hex(), avg(v).hex())
