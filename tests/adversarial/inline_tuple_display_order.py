# assumption: in `h(), g(y)` h runs before the inlined body of g
def h():
    print("h")
    return 0
def g(y):
    print("g body", y)
    z = y * 2
    return z
def f(y):
    t = h(), g(y)
    return t
print(f(3))
