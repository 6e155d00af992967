# assumption: a call inside a lambda body runs only when the lambda is called
def g(y):
    print("g body", y)
    z = y * 2
    return z
def f(y):
    fn = lambda: g(y)
    print("made")
    return fn()
print(f(3))
