# assumption: (kernels auto) a while loop with a float counter stops after CPython's number of steps (same rounding of the counter)
# modes: kernels
def steps(limit, dx):
    x = 0.0
    c = 0
    while x < limit:
        x += dx
        c += 1
        if c > 100000:
            break
    return c, x
for _ in range(3):
    for lim, dx in ((1.0, 0.1), (10.0, 0.1), (1.0, 1 / 3), (100.0, 0.7), (0.0, 1.0), (5e-324 * 7, 5e-324)):
        c, x = steps(lim, dx)
        print(lim, dx, c, x.hex())
