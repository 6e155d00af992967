# assumption: (kernels auto) math.pow edge cases (0 to a negative power, negative base with a fraction, inf/nan) match CPython
# modes: kernels
import math
def pw(x, y, n):
    s = 0.0
    for i in range(n):
        s += math.pow(x, y - i)
    return s
for _ in range(6):
    print(repr(pw(1.0, 5.0, 3)), repr(pw(math.inf, 0.0, 1)), repr(pw(math.nan, 0.0, 1)), repr(pw(-1.0, math.inf, 1)))
    for a in ((0.0, 0.0, 2), (-8.0, 1.0 / 3.0, 1), (-math.inf, 0.5, 1)):
        try:
            print(repr(pw(*a)))
        except (ValueError, ZeroDivisionError) as e:
            print(type(e).__name__, e)
