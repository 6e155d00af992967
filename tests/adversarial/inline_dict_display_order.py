# assumption: in `{h(): g(y)}` the key is evaluated before the inlined value
def h():
    print("h")
    return "k"
def g(y):
    print("g body", y)
    z = y * 2
    return z
def f(y):
    return {h(): g(y)}
print(f(3))
