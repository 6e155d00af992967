# assumption: the `None` default idiom gives a fresh list each call after inlining
def g(v, acc=None):
    if acc is None:
        acc = []
    acc.append(v)
    return acc
def f():
    a = g(1)
    b = g(2)
    return a, b, a is b
print(f())
