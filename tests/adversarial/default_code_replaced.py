# assumption: calling a function runs its def's code (the module replaces __code__: same object, other code)
def add(a, b):
    return a + b
def mul(a, b):
    return a * b
def f(x):
    return add(x, 2)
add.__code__ = mul.__code__
print(f(5))
