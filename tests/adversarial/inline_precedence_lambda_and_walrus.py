# assumption: inlining keeps grouping around boolean operators and await-free lambdas
def either(a, b):
    return a or b
def f(x, y):
    return either(x, y) and 5, either(x, y) == 0
print(f(0, 0), f(0, 3))
