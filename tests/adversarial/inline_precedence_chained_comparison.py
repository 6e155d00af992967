# assumption: inlining `a < b` into `lt(x, y) < z` keeps it unchained (`(x < y) < z`)
def lt(a, b):
    return a < b
def f(x, y, z):
    return lt(x, y) < z
print(f(1, 2, 2), f(3, 2, 1))
