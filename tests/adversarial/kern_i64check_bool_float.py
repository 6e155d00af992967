# assumption: (kernels auto) checked Python-int arithmetic on bools (comparison results) keeps int/bool types; a grown int compared with a float or divided by `/` stays refused (CPython compares exactly)
# modes: kernels
import sys

import numpy as np

B = len(sys.argv)  # 1: keeps the calls from being folded


def bool_mix(x, n):
    s = (x > 0) + False
    t = -(x < 0)
    for i in range(n):
        s = s * 3 + (i > 1)
        t = t - (i % 2 == 0) * s
        t = -t * (s > 5) + (s < 0)
    return s, t, s > 0, -(s == 1)


def over_float(x, n, f):
    s = x
    for i in range(n):
        s = s * 3
    return s > f, s == f


def true_div(x, n):
    s = x
    for i in range(n):
        s = s * 3
    return s / 7


def to_float(x, n):
    s = x
    for i in range(n):
        s = s + s
    return float(s), s * 0.5


for x, n in ((B, 0), (-B, 0), (B, 4), (-B, 30), (B, 40), (0 * B, 45), (B, 4)):
    r = bool_mix(x, n)
    print("bool_mix", x, n, repr(r), [type(v).__name__ for v in r])
big = 3**39  # 4052555153018976267: 2**53 < big < 2**63
for f in (float(big), float(big) + 512.0, 1e300, np.float64(big), np.float64(big) + 512.0):
    print("over_float", type(f).__name__, over_float(B, 39, f), over_float(B, 3, f - f + 27.0))
    print("over_float", type(f).__name__, over_float(B, 45, f), over_float(B, 39, f * 0.0 + big))
for n in (3, 39, 41, 3):
    print("true_div", n, repr(true_div(B, n)))
for n in (3, 62, 63, 3):
    r = to_float(B, n)
    print("to_float", n, repr(r), [type(v).__name__ for v in r])
