# assumption: a negative literal default pasted into the callee expression keeps precedence
def power(a, e=-1):
    return a ** e
def f(x):
    return power(x), power(x, 2)
print(f(2), f(4.0))
