# assumption: under --assume-stable, `getattr(fn, "__globals__")` reaches the module namespace
def add(a, b):
    return a + b
def f(x):
    return add(x, 2)
getattr(f, "__globals__")["add"] = lambda a, b: a * b
print(f(5))
