# assumption: (kernels auto) the kernel's wrapper keeps the plain function's name, doc, defaults, signature and CPython's binding errors, and pickles and partial-calls as the function itself
# modes: kernels
import functools
import inspect
import pickle
import numpy as np


def wsum(a, w=2.0, bias=0.0):
    "weighted sum"
    t = bias
    for i in range(a.shape[0]):
        t = t + a[i] * w
    return t


x = np.array([1.0, 2.0, 3.5])
print(wsum.__name__, wsum.__qualname__, wsum.__doc__, wsum.__defaults__, wsum.__kwdefaults__)
print(str(inspect.signature(wsum)), hasattr(wsum, "__wrapped__"), wsum.__module__)
print(wsum.__code__.co_argcount, wsum.__code__.co_varnames[:3], callable(wsum))
p = functools.partial(wsum, w=0.5)
q = functools.partial(wsum, x, 3.0)
for _ in range(16):
    r = (wsum(x), wsum(x, 1.0), wsum(x, bias=1.0), wsum(bias=-1.0, w=3.0, a=x), p(x), p(x, bias=2.0), q(), q(1.0))
print([repr(v) for v in r])
for call in (
    lambda: wsum(),
    lambda: wsum(x, 1.0, 2.0, 3.0),
    lambda: wsum(x, a=x),
    lambda: wsum(x, wt=1.0),
    lambda: wsum(w=1.0),
    lambda: q(1.0, 2.0),
    lambda: p(x, 1.0),
):
    try:
        print(repr(call()))
    except TypeError as e:
        print("TypeError", e)
g = pickle.loads(pickle.dumps(wsum))
print(g is wsum, repr(g(x)), pickle.loads(pickle.dumps(p))(x) == p(x))
print(repr(pickle.loads(pickle.dumps(q))(0.25)))
