# assumption: folding never makes a literal an operand of `is` (SyntaxWarning, an error under -W error)
def one():
    return 1
def f(x):
    return x is one()
print(f(1), f(2))
