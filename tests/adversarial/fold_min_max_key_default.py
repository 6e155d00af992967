# assumption: min/max with keyword arguments fold like CPython
def f():
    return max([], default=-1), min([3, 1, 2], key=lambda v: -v), max("abc", "abd")
print(f())
