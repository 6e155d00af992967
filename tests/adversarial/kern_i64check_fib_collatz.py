# assumption: (kernels auto) tuple swaps of growing ints (fib(92) fits int64, fib(93) does not) and while loops that grow an int (Collatz, doubling) give CPython's ints
# modes: kernels
import sys

B = len(sys.argv)  # 1: keeps the calls from being folded


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def collatz(n):
    steps = 0
    peak = n
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        if n > peak:
            peak = n
        steps += 1
    return steps, peak


def doublings(x, limit):
    k = 0
    while x < limit:
        x = x + x
        k += 1
    return k, x


for n in (10 * B, 90 * B, 91 * B, 92 * B, 93 * B, 100 * B, 20 * B):
    r = fib(n)
    print("fib", n, repr(r), type(r).__name__)
for n in (27 * B, 97 * B, 2**61 * B + 1, 3074457345618258603 * B, 7 * B):
    r = collatz(n)
    print("collatz", n, repr(r), [type(v).__name__ for v in r])
for x, limit in ((B, 1000 * B), (3 * B, 2**62 * B), (3 * B, 2**62 * B + 2**61), (B, 2**63 - 1), (B, 5 * B)):
    r = doublings(x, limit)
    print("doublings", x, limit, repr(r), [type(v).__name__ for v in r])
