# assumption: the evaluator treats `b *= 2` on a list as `b = b * 2` (an alias `a` would miss the change)
def f():
    a = [1]
    b = a
    b *= 2
    return a
print(f())
