# assumption: a multi-statement callee in an `elif` test runs only when the `if` test is false
def check(x):
    print("check", x)
    y = x * 2
    return y > 2
def f(a, x):
    if a:
        return "first"
    elif check(x):
        return "second"
    return "none"
print(f(True, 5), f(False, 5))
