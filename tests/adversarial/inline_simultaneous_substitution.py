# assumption: parameters are substituted simultaneously (`sub(b, a)` with callee params a, b)
def sub(a, b):
    return a - b
def f(a, b):
    return sub(b, a), sub(b, 1)
print(f(10, 3))
