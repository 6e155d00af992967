# assumption: propagating a negative constant into `x ** 2` keeps the operand grouped (`(-2) ** 2`)
def f():
    x = -2
    return x ** 2, -x ** 2
print(f())
