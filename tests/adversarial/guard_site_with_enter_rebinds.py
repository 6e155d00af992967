# assumption: a guarded call inside a `with` block is checked after `__enter__` ran
import sys
def add(a, b):
    return a + b
class CM:
    def __enter__(self):
        sys.modules[__name__].add = lambda a, b: a * b
        return self
    def __exit__(self, *exc):
        return False
def f():
    with CM():
        return add(6, 7)
print(f())
