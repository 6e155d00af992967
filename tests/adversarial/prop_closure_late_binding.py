# assumption: a closure sees the last value of a captured local, not the value when it was made
def f():
    x = 1
    g = lambda: x
    x = 2
    return g()
print(f())
