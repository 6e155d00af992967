# assumption: folds inside chained comparisons and walrus expressions keep precedence
def f(x):
    if (y := (2 + 3)) > x > (1 - 1):
        return y, 0 < 1 < 2, x < (2 * 2) < 5
    return (z := 2 ** 2), z
print(f(1), f(9))
