# assumption: in `d[k()] += g(x)` the target's subscript is evaluated before the value
def k():
    print("key")
    return "a"
def g(x):
    print("value")
    y = x + 1
    return y
def f():
    d = {"a": 0}
    d[k()] += g(1)
    return d
print(f())
