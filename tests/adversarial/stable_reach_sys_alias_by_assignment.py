# assumption: under --assume-stable, `s = sys` then `s.modules` reaches sys.modules
import sys
def add(a, b):
    return a + b
def f(x):
    return add(x, 2)
s = sys
s.modules[__name__].add = lambda a, b: a * b
print(f(5))
