# assumption: in `p(h(), g(y))` h runs before the inlined body of g
def h():
    print("h")
    return 0
def g(y):
    print("g body", y)
    z = y * 2
    return z
def p(a, b):
    return (a, b)
def f(y):
    return p(h(), g(y))
print(f(3))
