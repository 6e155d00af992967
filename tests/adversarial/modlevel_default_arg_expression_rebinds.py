# assumption: a default expression that calls code can rebind a module function before a later fold
def add(a, b):
    return a + b
def rebind():
    global add
    add = lambda a, b: a - b
    return 0
def g(x=rebind()):
    return x
print(add(10, 4))
