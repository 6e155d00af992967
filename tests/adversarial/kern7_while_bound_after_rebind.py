# assumption: (kernels auto) the bound a `while i < n` condition gives i holds only until the body rebinds i (reads after `i = i * 2**31` are not bounded by n)
# modes: kernels
def f(n):
    i = n - 1
    t = 0
    while i < n:
        i = i * 2**31
        t = i * 3
    return t
def g(n):
    i = n - 1
    t = 0
    while i * i < n:
        i += 2**31
        t = i * i
    return t
for _ in range(3):
    for n in (5, 2**31, 2**20, 2**31 + 1, 3):
        r = f(n)
        print(n, r, type(r).__name__, g(n))
