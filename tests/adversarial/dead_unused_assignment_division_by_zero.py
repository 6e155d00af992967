# assumption: an unused `x = 1 // n` can raise and is kept
def f(n):
    x = 1 // n
    return "done"
try:
    print(f(0))
except ZeroDivisionError:
    print("zde")
