# assumption: (kernels auto) a checked Python-int kernel whose first int64 overflow comes on its 5th call (keywords, defaults) runs the plain function from then on with the same binding of keywords and defaults; a first overflow inside an except block (under np.errstate(over="raise")) gives CPython's result or exception with the handled one as __context__
# modes: kernels
import numpy as np


def grow(x, n=3, mul=2):
    acc = x
    for _ in range(n):
        acc = acc * mul + 1
    return acc


def capped(x, n=2):
    acc = x
    for i in range(n):
        acc = acc * acc - i
        if acc > 10**15:
            raise ValueError("too big")
    return acc


def show(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
        print(f.__name__, repr(r), type(r).__name__)
    except Exception as e:
        print(f.__name__, type(e).__name__, e, type(e.__context__).__name__, type(e.__cause__).__name__)


show(grow, 3)
show(grow, 3, 4)
show(grow, x=5, n=2)
show(grow, 7, mul=3)
show(grow, 2**40, n=3, mul=2**10)
show(grow, x=1)
show(grow, 3, mul=-2)
show(grow, mul=5, x=-4, n=2)
show(grow, np.int64(2**62), 1)
show(grow, True, 2, False)
show(grow, 3, n=2.5)
print(grow.__defaults__, grow.__name__)

with np.errstate(over="raise"):
    show(capped, 2, 2)
    show(capped, 3, n=3)
    show(capped, 1, 4)
    show(capped, 2**20, 1)
    show(capped, -7)
    try:
        {}["k"]
    except KeyError:
        show(capped, 10**8, 1)
        show(capped, 2**20, 3)
        show(capped, x=5)
    show(capped, -3, 2)
    show(capped, 2**31, n=1)
    show(capped, np.int64(2**40), 2)
