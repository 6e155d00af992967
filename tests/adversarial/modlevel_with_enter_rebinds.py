# assumption: a `with` statement at import time cannot rebind a module function before its body
import sys
def add(a, b):
    return a + b
class CM:
    def __enter__(self):
        sys.modules[__name__].add = lambda a, b: a * b
    def __exit__(self, *exc):
        return False
with CM():
    print(add(2, 3))
