# assumption: a callee's global name is not captured by a caller's local of the same name
K = 10
def scale(x):
    return x * K
def f(x):
    K = 2
    return scale(x) + K
print(f(3))
