# assumption: a guarded call in a `while` condition is checked on every test
import sys
def small(n):
    return n < 3
def f():
    n = 0
    while small(n):
        n += 1
        if n == 1:
            sys.modules[__name__].small = lambda n: n < 5
    return n
print(f())
