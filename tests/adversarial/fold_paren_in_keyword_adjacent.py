# assumption: `x in(1 + 2, 4)` and `not(...)` folded keep their keyword apart from the literal
def f(x):
    return x in(1 + 2, 4), x not in(2 * 2,), (not(1 > 2)) and x
print(f(3), f(4))
