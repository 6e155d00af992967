# assumption: an f-string of constants gives the same string when its fields are folded
A = 2
def f():
    return f"{A * 3}-{'x' * 2}-{A!r:>3}"
print(f(), f"{A + A}")
