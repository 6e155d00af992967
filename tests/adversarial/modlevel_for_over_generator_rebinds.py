# assumption: a module-level `for` over a generator cannot rebind a constant used in its body
import sys
N = 1
def gen():
    yield 1
    sys.modules[__name__].N = 100
    yield 2
for v in gen():
    print(v + N)
