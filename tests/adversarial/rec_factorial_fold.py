# assumption: folding a recursive function gives the same value (positive) or is left alone
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def f(x):
    return fact(x) + fact(5)
print(fact(10), f(3))
