# assumption: `(1 + 2)if c else 0` folded must not become `3if` (a DeprecationWarning, an error under -W error)
def f(c):
    a = (1 + 2)if c else 0
    b = [(2 * 2)for _ in range(2)]
    d = (5 - 1)in (4, 5)
    e = (1 + 1)or c
    return a, b, d, e
print(f(1), f(0))
