# assumption: (kernels auto) Python-int `//` and `%` with negative operands floor toward -inf, as in CPython
# modes: kernels
def fm(n, d):
    s = 0
    for k in range(-n, n):
        s = s * 3 + k // d + k % d
    return s
for _ in range(8):
    print(repr(fm(7, 3)), repr(fm(7, -3)), repr(fm(5, -1)))
