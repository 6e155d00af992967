# assumption: (kernels auto) Python-int true division is correctly rounded for ints beyond 2**53
# modes: kernels
def ratio(k, d, n):
    s = 0.0
    for i in range(n):
        s += k / d
    return s
for _ in range(8):
    print(repr(ratio(2**62 + 2**10 + 1, 3, 1)), repr(ratio(9007199254740993, 10, 1)), repr(ratio(7, 3, 2)))
