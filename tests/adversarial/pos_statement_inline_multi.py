# assumption: statement-level inlining of a multi-statement callee binds arguments once (positive)
def clamp(x, lo, hi):
    if x < lo:
        x = lo
    if x > hi:
        x = hi
    return x
def f(v):
    r = clamp(v * 2, 0, 10)
    return r
print(f(-3), f(2), f(9))
