# assumption: a call with `*args` is evaluated once and in order
def add(a, b):
    return a + b
def f(xs):
    return add(*xs)
print(f([1, 2]), f((3, 4)))
