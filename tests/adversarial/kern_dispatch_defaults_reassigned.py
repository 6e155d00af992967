# assumption: (kernels auto) assigning the function's __defaults__ between calls changes what calls that omit arguments compute, and a mutable array default is the one object shared by plain and kernel calls
# modes: kernels
import numpy as np


def acc(a, out=np.zeros(3), k=1.0):
    for i in range(a.shape[0]):
        out[i] = out[i] + a[i] * k
    return out


def total(a, k=2.0, start=0.0):
    t = start
    for i in range(a.shape[0]):
        t = t + a[i] * k
    return t


x = np.array([1.0, 2.0, 0.5])
for _ in range(15):
    r = acc(x)
print(r.tolist(), acc.__defaults__[0] is r, acc(x, np.ones(3)).tolist())
for _ in range(15):
    s = total(x)
print(repr(s), total.__defaults__)
total.__defaults__ = (10.0, 1.0)
for _ in range(15):
    s = total(x)
print(repr(s), repr(total(x, 1.0)), total.__defaults__)
total.__defaults__ = (3,)
try:
    print(repr(total(x)))
except TypeError as e:
    print("TypeError", e)
print(repr(total(x, 1, 0)))
total.__defaults__ = (True, 5)
for _ in range(15):
    s = total(x.astype(np.int64))
print(repr(s), type(s).__name__)
fresh = np.full(3, 7.0)
acc.__defaults__ = (fresh, -1.0)
for _ in range(15):
    r = acc(x)
print(r is fresh, fresh.tolist())
acc.__defaults__ = None
try:
    acc(x)
except TypeError as e:
    print("TypeError", e)
