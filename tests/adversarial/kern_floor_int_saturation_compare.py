# assumption: (kernels auto) math.floor/math.ceil/math.trunc/int() of a Python float at and beyond the int64 edges (2.0**63, -2.0**63 - 2048, 1e300) compared with int literals one inside the int64 edges (2**63 - 2, -2**63 + 1) give CPython's exact-int comparison (the saturated int64 must still compare right)
# modes: kernels
import math
def count_above(x, n):
    c = 0
    for i in range(n):
        if math.floor(x) > 9223372036854775806:
            c += 1
        if math.ceil(x) >= 9223372036854775806:
            c += 10
        if int(x) == 9223372036854775806:
            c += 100
        if int(x) > i:
            c += 1000
    return c
def count_below(x, n):
    c = 0
    for i in range(n):
        if math.floor(x) < -9223372036854775807:
            c += 1
        if int(x) <= -9223372036854775806:
            c += 10
        if math.trunc(x) != -9223372036854775807:
            c += 100
        if -i > math.ceil(x):
            c += 1000
    return c
big = 2.0 ** 63
for _ in range(16):
    print(count_above(big, 2), count_above(big / 2, 1), count_above(1e300, 1), count_above(9.2e18, 1), count_above(-0.5, 1), count_above(2 ** 63 - 2, 1), count_above(2 ** 70, 1))
    print(count_below(-big, 2), count_below(-big - 2048.0, 2), count_below(-1e300, 1), count_below(-0.5, 1), count_below(-2 ** 63 + 1, 1), count_below(-2 ** 63, 1))
