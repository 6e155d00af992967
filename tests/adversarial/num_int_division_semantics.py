# assumption: folded `//` and `%` follow Python's floor semantics for negatives and floats
def q(a, b):
    return a // b, a % b
print(q(-7, 2), q(7, -2), q(-7.5, 2), q(7, 0.5), divmod(-9, 4))
