# assumption: a folded call result never becomes a literal operand of `is`
def three():
    return 3
def word():
    return "w"
def g(x):
    return x is three(), word() is not x
print(g(3), g(None))
