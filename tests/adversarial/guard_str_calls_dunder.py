# assumption: `str(o)` cannot run user code (it calls `o.__str__`)
# modes: default kernels
import sys
def add(a, b):
    return a + b
class S:
    def __str__(self):
        sys.modules[__name__].add = lambda a, b: a * b
        return "S"
def f(o, x):
    return str(o) + str(add(x, x))
print(f(S(), 5))
