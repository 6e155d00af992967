# assumption: `len(o)` cannot run user code (it calls `o.__len__`)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class Sized:
    def __len__(self):
        sys.modules[__name__].add = lambda a, b: a * b
        return 3
def f(o):
    n = len(o)
    return add(n, n)
print(f(Sized()))
