# assumption: (kernels auto) a checked Python-int `+` whose operand is an int literal in 2**63..2**64 (Numba: uint64) gives CPython's int
# modes: kernels
import sys

B = len(sys.argv)  # 1: keeps the calls from being folded


def start_big(n, k):
    s = 9223372036854775813  # 2**63 + 5: beyond int64, a uint64 literal to Numba
    for i in range(n):
        s = s + k
    return s


def add_big(n, k):
    s = k
    for i in range(n):
        s = s + 9223372036854775813
    return s


def sub_to_int64(n, k):
    s = 18446744073709551615  # 2**64 - 1
    for i in range(n):
        s = s - 9223372036854775808 - k
    return s


for n in (0, 1, 2):
    for k in (B, -B, 100 * B):
        for fn in (start_big, add_big, sub_to_int64):
            r = fn(n, k)
            print(fn.__name__, n, k, repr(r), type(r).__name__)
