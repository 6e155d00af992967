# assumption: `__code__` written through another name bound to the function (an alias, a list item)
def add(a, b):
    return a + b
def mul(a, b):
    return a * b
def use():
    return add(4, 5)
fns = [add]
print(use())
fns[0].__code__ = mul.__code__
print(use())
