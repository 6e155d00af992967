# assumption: (kernels auto) checked int64 arithmetic at the exact edges: results of 2**63-1 and -2**63 stay in the kernel, -(-2**63) and one step past either edge give CPython's big int
# modes: kernels
import sys

B = len(sys.argv)  # 1: keeps the calls from being folded
LO = -(2**62) * 2 * B  # -2**63 at run time
HI = -(LO + 1)  # 2**63 - 1


def negate_all(x, n):
    r = x
    w = 1  # doubles: no proof bounds it, so the whole function is checked as it runs
    for i in range(n):
        r = -r
        w = w + w
    return r, w


def walk_down(x, step, n):
    k = x
    w = 1
    for i in range(n):
        k -= step
        w = w + w
    return k, w


def walk_up(x, step, n):
    k = x
    w = 1
    for i in range(n):
        k += step
        w = w + w
    return k, w


def product(x, y, n):
    p = 1
    for i in range(n):
        p = p * x * y
    return p


cases = [
    ("negate_all", negate_all, (HI, 1)),
    ("negate_all", negate_all, (LO + 1, 3)),
    ("negate_all", negate_all, (LO, 2)),
    ("negate_all", negate_all, (LO, 0)),
    ("negate_all", negate_all, (LO, 1)),
    ("walk_down", walk_down, (LO + 3, B, 3)),
    ("walk_down", walk_down, (LO + 3, B, 4)),
    ("walk_down", walk_down, (HI, -B, 1)),
    ("walk_up", walk_up, (HI - 2, B, 2)),
    ("walk_up", walk_up, (HI - 2, B, 3)),
    ("walk_up", walk_up, (LO, -B, 1)),
    ("product", product, (-(2**31) * B, 2**32 * B, 1)),
    ("product", product, (-(2**31) * B, -(2**32) * B, 1)),
    ("product", product, (LO, -B, 1)),
    ("product", product, (LO, B, 1)),
    ("product", product, (3 * B, B, 2)),
]
for name, fn, args in cases:
    r = fn(*args)
    print(name, args, repr(r), [type(v).__name__ for v in r] if type(r) is tuple else type(r).__name__)
