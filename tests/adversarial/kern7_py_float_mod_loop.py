# assumption: (kernels auto) `%` and `//` of Python floats follow CPython (sign of the divisor, -0.0, ZeroDivisionError)
# modes: kernels
def f(x, d, n):
    s = 0.0
    q = 0.0
    for i in range(n):
        s = (x - i) % d
        q = (x - i) // d
    return s, q
for _ in range(3):
    for x, d in ((0.0, -2.0), (-0.0, 2.0), (5.0, -2.0), (-5.0, 2.0), (1e-320, -1.0), (3.0, 0.5), (2.0, float("inf")), (-2.0, float("inf"))):
        print(x, d, [v.hex() for v in f(x, d, 3)])
    try:
        f(1.0, 0.0, 2)
    except ZeroDivisionError as e:
        print("ZDE", e)
