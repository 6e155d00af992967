# assumption: (kernels auto) a checked kernel whose int64 overflow is only in an intermediate (the final result fits) gives CPython's exact int
# modes: kernels
import sys

B = len(sys.argv)  # 1: keeps the calls from being folded


def roundtrip(k, n):
    t = 0
    for i in range(n):
        t = t + (k * 1099511627776) // 1099511627776 - k  # k * 2**40 may leave int64
    return t + k


def back_and_forth(k, n):
    s = k
    for i in range(n):
        s = s * 4096
    for i in range(n):
        s = s // 4096
    return s


for k in (3 * B, 2**23 * B, 2**24 * B, 2**40 * B, -(2**23) * B, -(2**24) * B - 1):
    for n in (1, 2):
        r = roundtrip(k, n)
        q = back_and_forth(k, n * 3)
        print(k, n, repr(r), type(r).__name__, repr(q), type(q).__name__)
