# assumption: (kernels auto) a helper called only by another helper of the kernel (two levels down), rebound on the module between calls, is seen by the next call; so is one rebound back to the original
# modes: kernels
import sys
import numpy as np


def inner(v):
    return v + 1.0


def outer(v):
    return inner(v) * 2.0


def run(a):
    t = 0.0
    for i in range(a.shape[0]):
        t = t + outer(a[i])
    return t


def neg(v):
    return -v


x = np.array([1.0, 2.0, 3.0])
m = sys.modules[__name__]
for _ in range(15):
    r = run(x)
print(repr(r))
orig = m.inner
m.inner = neg
for _ in range(15):
    r = run(x)
print(repr(r))
m.inner = lambda v: v * 10
print(repr(run(x)))
m.inner = orig
for _ in range(15):
    r = run(x)
print(repr(r))
m.outer = lambda v: 0.5
print(repr(run(x)))
