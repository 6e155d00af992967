# assumption: the seed's fold `print(fancy_func(1, 2, 3, 4))` -> `print(10)` is right when only analysed code runs between def and use
def add(a, b):
    return a + b
def fancy_func(a, b, c, d):
    e = add(a, b)
    f = add(c, d)
    g = add(e, f)
    return g
X = 3 * 4
Y = (X, "y")
print(fancy_func(1, 2, 3, 4), X, Y)
