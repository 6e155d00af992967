# assumption: folds in a `case` guard and subject; complex and negative literal patterns are left alone
def f(v):
    match (v, (1 + 1)):
        case (-1, 2):
            return "neg"
        case (1+2j, 2):
            return "complex"
        case (x, y) if x > (2 * 2):
            return ("big", y)
    return "other"
print(f(-1), f(1+2j), f(9), f(0))
