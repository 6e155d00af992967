# assumption: (kernels auto) an int parameter bounded on kernel entry (tier 2**31) keeps n*n*2 within int64 at the bound itself
# modes: kernels
def f(n, m):
    r = 0
    for i in range(m):
        r = n * n * 2 + i
    return r
for _ in range(3):
    for n in (2**31 - 1, 2**31, -2**31, 2**31 + 1, -2**31 - 1, 3):
        v = f(n, 2)
        print(n, v, type(v).__name__)
