# assumption: folding a set of equal elements keeps the first one inserted
def f():
    return {0, False, 0.0}, {-0.0, 0.0}, {True, 1}
print(f())
