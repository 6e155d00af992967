# assumption: (kernels auto) math.sqrt/log/acos/fmod outside their domain raise CPython's ValueError in a scalar loop
# modes: kernels
import math
def sq(x, n):
    s = 0.0
    for i in range(n):
        s += math.sqrt(x - i)
    return s
def lg(x, n):
    s = 0.0
    for i in range(n):
        s += math.log(x - i)
    return s
def ac(x, n):
    s = 0.0
    for i in range(n):
        s += math.acos(x + i)
    return s
def fm(x, n):
    s = 0.0
    for i in range(n):
        s += math.fmod(x, 2.0 - i)
    return s
for _ in range(6):
    print(repr(sq(3.0, 2)), repr(lg(3.0, 2)), repr(ac(0.5, 1)), repr(fm(5.5, 2)))
    for f, x in ((sq, 1.0), (lg, 1.0), (ac, 0.5), (fm, 5.5)):
        try:
            print(repr(f(x, 3)))
        except ValueError as e:
            print("ValueError", e)
