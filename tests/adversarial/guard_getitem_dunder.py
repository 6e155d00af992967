# assumption: `o[k]` cannot run user code (`__getitem__` can)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class M:
    def __getitem__(self, k):
        sys.modules[__name__].add = lambda a, b: a * b
        return k
def f(o):
    x = o[3]
    return add(x, x)
print(f(M()))
