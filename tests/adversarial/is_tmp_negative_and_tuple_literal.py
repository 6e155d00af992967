# assumption: `-1`, `(1, 2)`, `()` and `1 + 2` arguments to an inlined `x is not None` never become literal operands of `is`
def present(x):
    return x is not None
def g():
    return present(-1), present((1, 2)), present(()), present(1 + 2), present("a" "b"), present(b"x")
print(g())
