# assumption: a `yield` after `return` keeps the function a generator (dead-code removal must not drop it)
def g():
    return 1
    yield 2
print(type(g()).__name__, list(g()))
