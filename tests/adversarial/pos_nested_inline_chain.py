# assumption: inlining chains of small functions is right (positive)
def inc(x):
    return x + 1
def twice(x):
    return inc(inc(x))
def four(x):
    return twice(twice(x))
def f(y):
    return four(y) * 2
print(f(0), f(10), four(-4))
