# assumption: a negative base to a fractional power folds to the exact complex result or not at all
def f():
    return (-8) ** (1 / 3), pow(-4, 0.5)
print(f())
