# assumption: indexing a list with a user object cannot run user code (it calls `__index__`)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class I:
    def __index__(self):
        sys.modules[__name__].add = lambda a, b: a * b
        return 0
def f(i, x):
    v = [x][i]
    return add(v, v)
print(f(I(), 5))
