# assumption: a U+2029 in a docstring is not a line break for the folder
def f():
    """Para one. Para two."""
    print(2 ** 8, -(3 + 4))
f()
print(ascii(f.__doc__))
