# assumption: (kernels auto) builtin round(x, 2) in a scalar loop is CPython's correctly rounded decimal rounding
# modes: kernels
def rsum(x, step, n):
    s = 0.0
    for i in range(n):
        s += round(x + i * step, 2)
    return s
def rlist(xs):
    out = 0.0
    for x in xs:
        out = out * 1000.0 + round(x, 3)
    return out
for _ in range(8):
    print(repr(rsum(0.005, 0.01, 50)), repr(rsum(2.675, 1.0, 3)), repr(rsum(1e300, 1.0, 1)), repr(rsum(123.456, 0.0, 2)))
