# assumption: (kernels auto) one checked kernel called with small ints, then ints that leave int64, then small ints and floats again gives CPython's value and type every time
# modes: kernels
import sys

B = len(sys.argv)  # 1: keeps the calls from being folded


def series(x, n):
    s = x
    t = 0
    for i in range(n):
        s = s * 3 - i
        t = t - s
    return s, t


def cube_sum(x, n):
    s = 0
    for i in range(n):
        s = s + x * x * x + i
    return s


calls = [(2 * B, 5), (1.5 * B, 4), (3 * B, 10), (2 * B, 39), (-2 * B, 45), (2 * B, 5), (0.5 * B, 50), (B, 3)]
for x, n in calls:
    r = series(x, n)
    print("series", x, n, repr(r), type(r[0]).__name__, type(r[1]).__name__)
for x in (B, 2**21 * B, 2**20 * B, 2**21 * B + 1, -(2**21) * B - 1, 7 * B, 1e6 * B):
    r = cube_sum(x, 3)
    print("cube_sum", x, repr(r), type(r).__name__)
