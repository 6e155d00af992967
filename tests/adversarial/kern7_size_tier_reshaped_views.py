# assumption: (kernels auto) a 2-D argument's ravel()/reshape(-1) has as many elements as the product of its dimensions, which the entry bound on each dimension does not bound: their length cubed is CPython's int
# modes: kernels
import numpy as np


def flat_cube(a):
    m = a.ravel().shape[0]
    s = 0
    for i in range(a.shape[0]):
        s = m * m * m + i
    return s


def reshaped_cube(a):
    m = a.reshape(-1).shape[0]
    s = 0
    for i in range(a.shape[1]):
        s = m * m * m + i
    return s


for _ in range(2):
    for n in (3, 2**11):
        a = np.zeros((n, n), dtype=np.bool_)
        r, q = flat_cube(a), reshaped_cube(a)
        print(n, r, q, type(r).__name__)
