# assumption: bool arithmetic folds to int with the same type and value
def f():
    return True + True, True * 3, -True, ~False, type(True + 0).__name__
print(f())
