# calls: f(2)
def add(a, b):
    return a + b

def f(x):
    return eval("add(x, 1)") + add(x, 2) + (2 * 3)
# output:
def add(a, b):
    return a + b

def f(x):
    return eval("add(x, 1)") + add(x, 2) + 6
