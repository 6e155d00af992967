# assumption: inlining a generator function into a caller would run its body eagerly
def gen(x):
    print("body ran")
    yield x
def f(x):
    g = gen(x)
    print("made")
    return next(g)
print(f(7))
