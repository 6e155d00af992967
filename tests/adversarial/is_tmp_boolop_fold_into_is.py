# assumption: a folded `or`/`and`/conditional expression never becomes a literal operand of `is`
def g(x):
    return x is (None or 5), x is not (1 and 2), x is (3 if True else x)
print(g(5), g(None))
