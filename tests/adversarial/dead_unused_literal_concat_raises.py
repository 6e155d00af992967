# assumption: an unused `"a" + 1` raises TypeError and is kept
def f():
    unused = "a" + 1
    return "no"
try:
    print(f())
except TypeError as e:
    print("TypeError", e)
