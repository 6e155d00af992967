# assumption: (kernels auto) builtin min/max over Python floats with nan and -0.0 keep CPython's order rules (first wins on ties, nan depends on position)
# modes: kernels
def f(x, y, n):
    lo = x
    hi = x
    for i in range(n):
        lo = min(lo, y)
        hi = max(y, hi)
    return lo, hi, min(y, x), max(x, y)
nan = float("nan")
for _ in range(3):
    for x, y in ((0.0, -0.0), (-0.0, 0.0), (nan, 1.0), (1.0, nan), (nan, nan), (float("inf"), nan)):
        print(x, y, [repr(v) for v in f(x, y, 2)])
