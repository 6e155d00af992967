# assumption: a keyword-only default is used when the keyword is omitted
def f(a, *, b=10):
    return a + b
print(f(1), f(1, b=2))
