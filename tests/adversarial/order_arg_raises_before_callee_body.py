# assumption: an argument that raises prevents the callee body's effects
def loud(x):
    print("body ran")
    return x
def f(d):
    try:
        return loud(1 // d)
    except ZeroDivisionError:
        return "ZeroDivisionError"
print(f(0))
