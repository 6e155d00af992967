# assumption: the `__code__` descriptor's `__set__` replaces a function's code
def add(a, b):
    return a + b
def mul(a, b):
    return a * b
def use():
    return add(4, 5)
print(use())
type(add).__code__.__set__(add, mul.__code__)
print(use())
