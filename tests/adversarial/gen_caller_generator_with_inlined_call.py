# assumption: a guard checked at a generator's entry does not cover code after a `yield` (the callee can be rebound while suspended)
# modes: default kernels
import sys
def add(a, b):
    return a + b
def gen(x):
    yield add(x, x)
    yield add(x, x)
g = gen(3)
a = next(g)
sys.modules[__name__].add = lambda a, b: a * b
print(a, next(g))
