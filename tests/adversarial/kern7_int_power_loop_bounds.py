# assumption: (kernels auto) Python-int powers with bounded exponents ((-2) ** k for k < 63, i ** 3) give CPython's ints, at the edge of int64
# modes: kernels
def f(n):
    s = 0
    t = 0
    for k in range(63):
        s = s + (-2) ** k
    for i in range(n):
        t = t + i ** 3
    return s, t
for _ in range(3):
    for n in (0, 10, 1000):
        r = f(n)
        print(n, r, [type(v).__name__ for v in r])
