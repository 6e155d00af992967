# assumption: inlining `not a` into `neg(x) == y` keeps the grouping
def neg(a):
    return not a
def f(x, y):
    return neg(x) == y
print(f(0, True), f(1, False), f(0, False))
