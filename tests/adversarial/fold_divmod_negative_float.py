# assumption: divmod and % on negative floats fold like CPython
def f():
    return divmod(-7.5, 2), -7 % 3, 7 % -3, -0.0 % 5, round(-0.5)
print(f())
