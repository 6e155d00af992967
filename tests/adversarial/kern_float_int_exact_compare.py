# assumption: (kernels auto) comparing a Python float with a Python int is exact (2.0**53 != 2**53 + 1), as in CPython
# modes: kernels
def hits(x, k, n):
    c = 0
    for i in range(n):
        if x + i == k:
            c += 1
        if x + i < k:
            c += 10
    return c
for _ in range(8):
    print(hits(9007199254740992.0, 9007199254740993, 1), hits(1.0, 2, 3), hits(2.0**62, 2**62 + 1, 1))
