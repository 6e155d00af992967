# assumption: f-string parts are evaluated left to right around an inlined multi-statement call
def h():
    print("h")
    return "H"
def g(y):
    print("g body", y)
    z = y * 2
    return z
def f(y):
    return f"{h()}-{g(y)}"
print(f(3))
