# assumption: propagating a local bound to a list display into several reads would create several lists
def add(a, b):
    return a + b
def f(x):
    acc = []
    acc.append(add(x, 1))
    acc.append(x)
    return acc
print(f(2))
