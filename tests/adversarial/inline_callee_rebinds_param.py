# assumption: a callee rebinding its parameter doesn't rebind the caller's argument variable
def g(x):
    x = x + 1
    return x
def f():
    x = 1
    y = g(x)
    return x, y
print(f())
