# assumption: `f.__kwdefaults__.update(...)` changes what calling f does
def scale(x, *, k=2):
    return x * k
def use():
    return scale(10)
print(use())
scale.__kwdefaults__.update(k=7)
print(use())
