# assumption: a folded call in a decorator argument is checked when the decorator expression runs
import sys
def three():
    return 3
def deco(n):
    def wrap(fn):
        fn.n = n
        return fn
    return wrap
def rebind():
    sys.modules[__name__].three = lambda: 30
rebind()
@deco(three())
def g():
    pass
print(g.n)
