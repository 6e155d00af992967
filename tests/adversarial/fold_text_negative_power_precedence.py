# assumption: `-3 ** 2`, `(-3) ** 2`, `(1 - 4) ** 2`, `2 ** -(1 + 1)` and a negative subscript before `**` keep Python's precedence
def f(x):
    return -3 ** 2, (-3) ** 2, (1 - 4) ** 2, 2 ** -(1 + 1), (-2, 0)[0] ** 2, x ** (1 - 2), (0 - 2) ** x, -(2 - 4) ** 2
print(f(2))
