# assumption: in `h() < g(y) < 10` the right operand runs after h, and only if the first compare is true
def h():
    print("h")
    return 100
def g(y):
    print("g body", y)
    z = y * 2
    return z
def f(y):
    return h() < g(y) < 10
print(f(3))
