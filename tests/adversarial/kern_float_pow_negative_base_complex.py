# assumption: (kernels auto) `x ** 0.5` of a negative Python float gives a complex number, as in CPython
# modes: kernels
def roots(x, n):
    s = 0.0
    for i in range(n):
        s = s + (x - i) ** 0.5
    return s
for _ in range(8):
    print(repr(roots(4.0, 3)), repr(roots(1.0, 3)))
