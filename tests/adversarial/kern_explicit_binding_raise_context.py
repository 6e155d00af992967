# assumption: (kernels auto) explicit kernels (@astc.kernel, # astc: kernel) keep the function's binding (keywords, defaults, CPython's TypeErrors), name, signature and pickling, and their raised exceptions keep the caller's __context__
# modes: kernels
import inspect
import pickle
import numpy as np
import astc

LIMIT = 100.0


@astc.kernel
def clip_sum(a, lo=0.0, hi=10.0):
    "sum clipped"
    t = 0.0
    for i in range(a.shape[0]):
        v = a[i]
        if v < lo:
            v = lo
        if v > hi:
            v = hi
        t += v
    if t > LIMIT:
        raise ValueError("too big")
    return t


def bump(a, b):  # astc: kernel
    a += b
    return a


x = np.array([-1.0, 3.0, 20.0, 4.5])
print(clip_sum.__name__, clip_sum.__doc__, clip_sum.__defaults__, str(inspect.signature(clip_sum)), hasattr(clip_sum, "__wrapped__"))
print(bump.__name__, str(inspect.signature(bump)))
for _ in range(16):
    r = (clip_sum(x), clip_sum(x, 1.0), clip_sum(x, hi=4.0), clip_sum(hi=100.0, a=x, lo=-5.0))
print([float(v) for v in r])  # explicit kernels box float64 as float (Numba semantics)
for call in (lambda: clip_sum(), lambda: clip_sum(x, 1.0, 2.0, 3.0), lambda: clip_sum(x, low=1.0), lambda: bump(x)):
    try:
        print(repr(call()))
    except TypeError as e:
        print("TypeError", e)
big = np.full(12, 10.0)
for _ in range(3):
    try:
        try:
            raise KeyError("outer")
        except KeyError:
            clip_sum(big)
    except ValueError as e:
        print("ValueError", e, repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    clip_sum(big)
except ValueError as e:
    print("ValueError", e, repr(e.__context__))
u = np.array([1.0, 2.0, 3.0])
w = np.array([0.5, 0.25, 0.125])
for _ in range(15):
    res = bump(u, w)
print(res is u, u.tolist(), w.tolist())
print(pickle.loads(pickle.dumps(clip_sum)) is clip_sum, pickle.loads(pickle.dumps(bump)) is bump)
