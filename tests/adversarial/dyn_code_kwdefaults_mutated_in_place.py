# assumption: mutating `f.__kwdefaults__` in place changes what calling f does (like assigning it)
def scale(x, *, k=2):
    return x * k
def use():
    return scale(10)
print(use())
scale.__kwdefaults__["k"] = 5
print(use())
