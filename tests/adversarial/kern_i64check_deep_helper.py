# assumption: (kernels auto) an int64 overflow two calls deep in helpers compiled with the kernel runs the whole plain function again (CPython's big int)
# modes: kernels
import sys

B = len(sys.argv)  # 1: keeps the calls from being folded


def triple(x):
    acc = x
    for _ in range(2):
        acc = acc + x
    return acc


def step(x, k):
    y = x
    for _ in range(k):
        y = triple(y) - 1
    return y


def outer(x, n):
    total = 0
    for i in range(n):
        total = total + step(x, i)
    return total


for x, n in ((2 * B, 5), (5 * B, 30), (7 * B, 44), (3 * B, 4), (-2 * B, 41), (2 * B, 6)):
    r = outer(x, n)
    print(x, n, repr(r), type(r).__name__)
