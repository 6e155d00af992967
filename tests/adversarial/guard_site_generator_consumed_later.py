# assumption: a guard inside a generator expression is checked when the generator runs, not when it is created
import sys
def add(a, b):
    return a + b
def f():
    return (add(i, 1) for i in range(3))
g = f()
sys.modules[__name__].add = lambda a, b: a * 100
print(list(g))
