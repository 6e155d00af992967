# assumption: `object.__setattr__(f, "__code__", ...)` replaces a function's code like an assignment does
def add(a, b):
    return a + b
def sub(a, b):
    return a - b
def use():
    return add(5, 3)
print(use())
object.__setattr__(add, "__code__", sub.__code__)
print(use())
