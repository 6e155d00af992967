# assumption: the seed's inlining of `add` into fancy_func is right for every argument type (positive)
def add(a, b):
    return a + b
def fancy_func(a, b, c, d):
    e = add(a, b)
    f = add(c, d)
    g = add(e, f)
    return g
print(fancy_func(1, 2, 3, 4), fancy_func(0.5, 1, 2, 3), fancy_func("a", "b", "c", "d"), fancy_func([1], [2], [], [3]))
