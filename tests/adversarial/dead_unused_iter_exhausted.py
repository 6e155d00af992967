# assumption: an unused `next(it)` advances the iterator
def f():
    it = iter([1, 2, 3])
    skipped = next(it)
    return list(it)
print(f())
