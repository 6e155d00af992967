# assumption: inlining `-a` into `minus(x) ** 2` keeps the grouping
def minus(a):
    return -a
def f(x):
    return minus(x) ** 2
print(f(3))
