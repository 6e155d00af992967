# assumption: (kernels auto) Python float `**` with negative int exponents: 0.0 ** -k raises ZeroDivisionError, other values CPython's floats
# modes: kernels
def f(x):
    s = 0.0
    for k in range(-3, 4):
        s += x ** k
    return s
for _ in range(3):
    for x in (2.0, -2.0, 0.5, -0.0, 0.0, 1e200, float("inf"), float("-inf")):
        try:
            print(x, f(x))
        except (ZeroDivisionError, OverflowError) as e:
            print(x, type(e).__name__, e)
