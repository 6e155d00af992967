# assumption: the callee identity seen inside a `with` body is the one seen at function entry
# modes: default kernels
import sys
from contextlib import contextmanager
def add(a, b):
    return a + b
@contextmanager
def patched():
    mod = sys.modules[__name__]
    old = mod.add
    mod.add = lambda a, b: a * b
    try:
        yield
    finally:
        mod.add = old
def f(x):
    with patched():
        inside = add(x, x)
    outside = add(x, x)
    return inside, outside
print(f(3))
