# assumption: a function defined twice is not stable: calls between the two defs use the first
def f():
    return 1
def g():
    return f() + 10
print(g())
def f():
    return 2
print(g())
