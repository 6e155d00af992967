# assumption: (kernels auto) Python-int `>>` by 64 or more gives 0/-1 and `<<` grows beyond int64, as in CPython
# modes: kernels
def sh(x, k, n):
    t = 0
    for i in range(n):
        t += (x >> (k + i)) + (x << (k + i)) - (x << (k + i))
    return t
for _ in range(8):
    print(repr(sh(-7, 62, 4)), repr(sh(12345, 63, 3)))
