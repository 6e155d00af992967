# assumption: (kernels auto) Python float `//`, `%`, divmod keep CPython's signs of zero and tiny-negative rounding
# modes: kernels
def tiny(x, y, n):
    s = 0.0
    t = 0.0
    for i in range(n):
        s += (x * i) % y
        t += (x * i) // y
    return s, t
for _ in range(8):
    print(repr(tiny(-1e-20, 1.0, 2)), repr(tiny(-0.0, 1.0, 2)), repr(tiny(1.0, -0.0 + -1.0, 3)), repr(tiny(-7.5, 2.0, 2)))
    print(repr(tiny(0.0, -1.0, 2)), repr(tiny(1e308, 1e-308, 2)))
