# assumption: a positional-only parameter passed by keyword raises TypeError, compiled or not
def p(a, /, b):
    return a + b
def f(x):
    try:
        return p(a=x, b=x)
    except TypeError as e:
        return "TypeError " + str(e)
print(f(1), p(1, b=2))
