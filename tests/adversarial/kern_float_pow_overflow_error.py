# assumption: (kernels auto) a Python float power that overflows raises OverflowError, zero to a negative power ZeroDivisionError
# modes: kernels
def powers(x, n):
    s = 0.0
    for i in range(n):
        s += x ** (i + 1.0)
    return s
def inv_powers(x, n):
    s = 0.0
    for i in range(n):
        s += (x - i) ** -2.0
    return s
for _ in range(6):
    print(repr(powers(10.0, 5)), repr(inv_powers(0.5, 1)))
    for f, a in ((powers, (1e200, 3)), (inv_powers, (1.0, 3))):
        try:
            print(repr(f(*a)))
        except (OverflowError, ZeroDivisionError) as e:
            print(type(e).__name__, e)
