# assumption: under --assume-stable, a module writing through a function's __globals__ rebinds its own names
def add(a, b):
    return a + b
def f(x):
    return add(x, 2)
f.__globals__["add"] = lambda a, b: a - b
print(f(5))
