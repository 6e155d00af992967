# assumption: a guard inside a comprehension is checked on each iteration (the iterator rebinds the callee midway)
import sys
def add(a, b):
    return a + b
def items():
    yield 1
    sys.modules[__name__].add = lambda a, b: a * b
    yield 2
    yield 3
def f():
    return [add(i, 10) for i in items()]
print(f())
