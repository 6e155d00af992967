# assumption: (kernels auto) a helper whose result is fed back into its argument in the kernel's loop is called in its int64-checked copy (3**40 is CPython's big int, not a wrapped int64)
# modes: kernels
import sys

B = len(sys.argv)  # 1: keeps the calls from being folded


def triple(x):
    acc = x
    for _ in range(2):
        acc = acc + x
    return acc


def power3(x, k):
    y = x
    for _ in range(k):
        y = triple(y)
    return y


for k in (3, 40, 3, 39, 41):
    r = power3(B, k)
    print(k, repr(r), type(r).__name__)
