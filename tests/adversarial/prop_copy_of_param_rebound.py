# assumption: a copy `y = x` is propagated only while x is not rebound
def f(x):
    y = x
    x = x + 1
    return y, x
print(f(1))
