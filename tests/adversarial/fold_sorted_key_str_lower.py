# assumption: sorted with an unbound-method key folds like CPython (stable order)
def f():
    return sorted(["b", "A", "a", "B"], key=str.lower), sorted([3, 1, 2], reverse=True)
print(f())
