# assumption: `setattr(f, name, ...)` with a computed attribute name may write `__code__`: the module has no stable names
def add(a, b):
    return a + b
def sub(a, b):
    return a - b
def use():
    return add(5, 3)
attr = "__" + "code" + "__"
print(use())
setattr(add, attr, sub.__code__)
print(use())
