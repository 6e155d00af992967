# assumption: reading a missing attribute cannot run user code (`__getattr__` can)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class G:
    def __getattr__(self, name):
        sys.modules[__name__].add = lambda a, b: a * b
        return 3
def f(o):
    x = o.anything
    return add(x, x)
print(f(G()))
