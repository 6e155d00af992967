# assumption: an unused `1 < "a"` raises TypeError and is kept
def f():
    unused = 1 < "a"
    return "no"
try:
    print(f())
except TypeError as e:
    print("TypeError", e)
