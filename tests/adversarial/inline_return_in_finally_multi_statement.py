# assumption: an inlined call in a `finally` runs after the try body
def g(y):
    print("g body", y)
    z = y * 2
    return z
def f(y):
    try:
        print("try")
        return "try"
    finally:
        print("finally", g(y))
print(f(3))
