# assumption: `yield from` makes a generator; folding its caller must respect that
def inner():
    yield 1
    return "done"
def outer():
    r = yield from inner()
    yield r
print(list(outer()))
