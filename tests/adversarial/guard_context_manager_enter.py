# assumption: a `with` statement cannot run user code before its body (`__enter__` can)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class CM:
    def __enter__(self):
        sys.modules[__name__].add = lambda a, b: a * b
        return self
    def __exit__(self, *exc):
        return False
def f(x):
    with CM():
        y = add(x, x)
    return y
print(f(3))
