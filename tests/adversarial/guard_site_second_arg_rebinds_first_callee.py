# assumption: in `g(add(1, 2), rebind())` the inner call runs before `rebind()` (old add); the next call sees the new one
import sys
def add(a, b):
    return a + b
def pair(x, y):
    return (x, y)
def rebind():
    sys.modules[__name__].add = lambda a, b: a * b
    return add(2, 5)
def f():
    return pair(add(1, 2), rebind()), add(1, 2)
print(f())
