# assumption: a generator expression reads a captured local when it is consumed, not when it is made
def f():
    x = 1
    g = (x for _ in range(1))
    x = 2
    return list(g)
print(f())
