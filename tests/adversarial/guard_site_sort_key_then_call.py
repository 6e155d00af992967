# assumption: `sorted(key=...)` runs user code that rebinds a callee called after it in the same expression
import sys
def add(a, b):
    return a + b
def key(v):
    sys.modules[__name__].add = lambda a, b: a * b
    return v
def f():
    return sorted([2, 1], key=key), add(3, 4)
print(f())
