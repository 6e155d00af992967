# assumption: `exec` at import time cannot rebind a module function
def add(a, b):
    return a + b
exec("add = lambda a, b: a * b")
print(add(2, 3))
