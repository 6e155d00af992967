# assumption: in `a[h()] = g(y)` the value is evaluated before the subscript
def h():
    print("h")
    return 0
def g(y):
    print("g body", y)
    z = y * 2
    return z
def f(y):
    a = [None]
    a[h()] = g(y)
    return a
print(f(3))
