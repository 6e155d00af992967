# assumption: (kernels auto) in a pure-float scalar loop `*` overflows to inf silently, then `**`, math.exp, math.floor and int() of the inf/nan raise CPython's OverflowError/ValueError (messages included) at the same iteration, and inf - inf gives nan
# modes: kernels
import math
def grow(x, n, mode):
    y = x
    acc = 0.0
    hits = 0
    for i in range(n):
        y = y * 1e150
        d = y - y
        if mode == 1:
            acc += y ** 2.0
        elif mode == 2:
            acc += math.exp(y * 1e-297)
        elif mode == 3:
            if math.floor(y * 1e-300) > i:
                hits += 1
        elif mode == 4:
            if int(d + y) > i:
                hits += 1
        else:
            acc += d * 0.0 + y * -0.0
    return y, acc, hits
for _ in range(16):
    for args in ((1.0, 2, 0), (1.0, 3, 0), (-1.0, 3, 0), (1.0, 1, 1), (1.0, 2, 1), (1.0, 2, 2), (1.0, 3, 2), (1.0, 2, 3), (-1.0, 3, 3), (1.0, 1, 4), (1.0, 3, 4), (-1.0, 3, 4), (0.0, 3, 4), (-0.0, 2, 0)):
        try:
            print(args, repr(grow(*args)))
        except (OverflowError, ValueError) as e:
            print(args, type(e).__name__, e.args)
