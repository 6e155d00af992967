# assumption: (kernels auto) builtin round(x) of a large Python float returns CPython's exact int, half to even
# modes: kernels
def rs(x, n):
    t = 0
    for i in range(n):
        t += round(x + i)
    return t
for _ in range(6):
    print(repr(rs(0.5, 4)), repr(rs(2.5, 2)), repr(rs(1e19, 2)), repr(rs(-1e25, 1)))
    try:
        print(rs(float("inf"), 1))
    except OverflowError as e:
        print("OverflowError", e)
