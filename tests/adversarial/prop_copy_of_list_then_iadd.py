# assumption: a copy `y = x` of a list aliases it; `x += [..]` is seen through y
def f():
    x = [1]
    y = x
    x += [2]
    return y, x is y
print(f())
