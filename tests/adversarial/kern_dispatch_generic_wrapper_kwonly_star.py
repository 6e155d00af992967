# assumption: (kernels auto) the generic (*args, **kwargs) wrapper of functions with keyword-only, *args or _-named parameters (and ones named args, kwargs, route, error, failure, a, run) binds, defaults and raises as CPython
# modes: kernels
import inspect
import numpy as np


def kw(a, *, scale=2.0, shift=0.0):
    t = shift
    for i in range(a.shape[0]):
        t = t + a[i] * scale
    return t


def internal(args, kwargs, route=1.0, error=0.0, failure=1.0):
    t = error
    for i in range(args.shape[0]):
        t = t + args[i] * kwargs * route + failure
    return t


def under(_k, _plain=1.0, run=2.0):
    t = 0.0
    for i in range(_k.shape[0]):
        t = t + _k[i] * _plain - run
    return t


def posonly(a, b, /, c=1.0):
    t = c
    for i in range(a.shape[0]):
        t = t + a[i] * b
    return t


x = np.array([1.0, -2.0, 4.0])
for f in (kw, internal, under, posonly):
    print(f.__name__, str(inspect.signature(f)), f.__doc__)
for _ in range(16):
    r = (kw(x), kw(x, scale=3.0), kw(a=x, shift=1.0), internal(x, 2.0), internal(kwargs=0.5, args=x, failure=0.0),
         internal(x, 1.0, error=2.0), under(x), under(x, run=0.5), under(_k=x, _plain=3.0), posonly(x, 2.0), posonly(x, 1.0, c=0.0))
print([repr(v) for v in r])
for call in (
    lambda: kw(x, 3.0),
    lambda: kw(),
    lambda: kw(x, scal=1.0),
    lambda: internal(x),
    lambda: internal(x, 1.0, 2.0, 3.0, 4.0, 5.0),
    lambda: internal(x, 1.0, args=x),
    lambda: under(),
    lambda: under(x, _k=x),
    lambda: posonly(a=x, b=1.0),
    lambda: posonly(x),
    lambda: posonly(x, 1.0, 2.0, 3.0),
):
    try:
        print(repr(call()))
    except TypeError as e:
        print("TypeError", e)
