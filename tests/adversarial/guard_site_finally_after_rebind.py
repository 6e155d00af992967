# assumption: a guarded call in `finally` is checked after the `try` body rebound the callee
import sys
def add(a, b):
    return a + b
def f():
    out = []
    try:
        sys.modules[__name__].add = lambda a, b: a * b
        out.append(add(2, 3))
    finally:
        out.append(add(4, 5))
    return out
print(f())
