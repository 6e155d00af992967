# assumption: effects in the callee before a raise happen, then the exception propagates
def g(x):
    print("before", x)
    return 1 // x
def f():
    try:
        return g(0)
    except ZeroDivisionError:
        return "zde"
print(f())
