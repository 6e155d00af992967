# assumption: a pure function building an f-string folds to the same string
def f(x):
    return f"{x:>5}|{x!r}|{x:#x}"
print(f(255))
