# assumption: a multi-statement callee as a for iterable is evaluated once
def items(n):
    print("items", n)
    r = list(range(n))
    return r
def f():
    t = 0
    for v in items(3):
        t += v
    return t
print(f())
