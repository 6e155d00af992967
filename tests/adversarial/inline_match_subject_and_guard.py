# assumption: an inlined call in a match guard runs only for the case whose pattern matched
def g(y):
    print("guard", y)
    z = y * 2
    return z > 4
def f(v):
    match v:
        case 1:
            return "one"
        case n if g(n):
            return "big"
        case _:
            return "other"
print(f(1), f(3), f(2))
