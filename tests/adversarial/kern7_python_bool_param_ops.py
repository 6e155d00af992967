# assumption: (kernels auto) operators on Python bool arguments give CPython's ints, floats and bools (True + True == 2, True * 2.5, b & c stays a bool)
# modes: kernels
def f(b, c, n):
    i = 0
    x = 0.0
    r = False
    for k in range(n):
        i = i + b + c * k - b
        x = x + b * 2.5
        r = (b & c) | r
    return i, x, r
for _ in range(3):
    for b, c in ((True, True), (True, False), (False, True), (1, 2), (0.5, 1)):
        try:
            out = f(b, c, 3)
        except TypeError as e:
            out = ("TypeError", str(e))
        print(b, c, out, [type(v).__name__ for v in out])
