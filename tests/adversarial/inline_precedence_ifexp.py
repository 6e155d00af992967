# assumption: inlining a conditional expression into an arithmetic context keeps it grouped
def pick(c, a, b):
    return a if c else b
def f(c, a, b):
    return pick(c, a, b) + 10
print(f(True, 1, 2), f(False, 1, 2))
