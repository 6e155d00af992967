# assumption: (kernels auto) math.exp/math.pow/math.ldexp/math.cosh that overflow raise OverflowError in a scalar loop
# modes: kernels
import math
def ex(x, n):
    s = 0.0
    for i in range(n):
        s += math.exp(x * i)
    return s
def pw(x, n):
    s = 0.0
    for i in range(n):
        s += math.pow(x, i * 100.0)
    return s
def ch(x, n):
    s = 0.0
    for i in range(n):
        s += math.cosh(x * i)
    return s
for _ in range(6):
    print(repr(ex(1.0, 3)), repr(pw(2.0, 3)), repr(ch(1.0, 3)))
    for f in (ex, pw, ch):
        try:
            print(repr(f(500.0, 3)))
        except OverflowError as e:
            print("OverflowError", e)
