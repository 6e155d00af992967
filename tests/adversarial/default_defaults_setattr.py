# assumption: a function's defaults are those of its def (the module replaces them with setattr)
def add(a, b=1):
    return a + b
def f(x):
    return add(x)
setattr(add, "__defaults__", (100,))
print(add(1), f(1))
