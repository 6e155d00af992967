# assumption: a class docstring is kept; a string after a folded statement is not made one
class C:
    "class doc"
    X = 1 + 1
class D:
    X = 2 * 2
    "not a docstring"
print(C.__doc__, D.__doc__, C.X, D.X)
