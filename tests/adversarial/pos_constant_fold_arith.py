# assumption: constant folding of arithmetic, comparisons and builtins gives the same values (positive)
SECONDS = 24 * 60 * 60
def f(x):
    return x * (3 + 4) * 2, (1, 2, 3)[0] < len("abc"), max(3, 9) - abs(-2), "ab" * 3
print(SECONDS, f(2), 2 ** 10, 7 // -2, -7 % 3)
