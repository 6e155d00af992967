# assumption: a fold keeps bool vs int types (True + 0 is int, True & True is bool)
def f():
    return True + 0, True & True, True | 0, not 0, -True
r = f()
print(r, [type(v).__name__ for v in r])
