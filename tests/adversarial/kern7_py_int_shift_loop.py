# assumption: (kernels auto) Python-int shifts in a loop (1 << i for i up to 61, negative values >> i) give CPython's ints
# modes: kernels
def f(n):
    s = 0
    t = 0
    for i in range(62):
        if i < n:
            s = s ^ (1 << i)
            t = t + ((-12345 - i) >> i)
    return s + t
for _ in range(3):
    for n in (0, 1, 10, 61, 62, 63):
        r = f(n)
        print(n, r, type(r).__name__)
