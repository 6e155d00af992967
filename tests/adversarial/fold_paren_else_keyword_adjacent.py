# assumption: `a if c else(1 + 2)` folded must not become `else3`
def f(c):
    return c if c else(1 + 2)
print(f(0), f(5))
def g(c):
    return c or(2 * 2)
print(g(0), g(1))
