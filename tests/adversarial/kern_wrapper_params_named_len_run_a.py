# assumption: (kernels auto) a kernel whose parameters are named like the builtins and locals the wrapper's code uses (len, type, run, a) binds and checks its arguments as CPython does, positionally and by keyword
# modes: kernels
import numpy as np


def weigh(run, len, a=2.0):
    s = np.float64(0.0)
    for i in range(len):
        s += run[i] * a
    return s


def count(type, a):
    n = 0
    for i in range(type.shape[0]):
        if type[i] > a:
            n += 1
    return n


x = np.arange(5.0)
for _ in range(16):
    print(repr(weigh(x, 3)), repr(weigh(run=x, len=2, a=0.5)), repr(weigh(x, len=4)))
    print(repr(count(x, 1.5)), repr(count(a=2, type=x)), repr(count(x, True)))
for bad in [lambda: weigh(x), lambda: weigh(x, 2, 3, 4), lambda: count(x, a=1, type=x)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
