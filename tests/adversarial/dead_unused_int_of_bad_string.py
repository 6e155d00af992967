# assumption: an unused `int("x")` raises ValueError and is kept
def f():
    unused = int("x")
    return "no"
try:
    print(f())
except ValueError as e:
    print("ValueError", e)
