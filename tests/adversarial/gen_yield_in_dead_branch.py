# assumption: dead-code removal keeps a `yield` that makes the function a generator
def g():
    if False:
        yield 1
    return 2
print(type(g()).__name__, list(g()))
