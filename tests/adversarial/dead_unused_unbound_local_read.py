# assumption: an unused copy of a not-yet-bound local raises UnboundLocalError
def f(c):
    if c:
        y = 1
    unused = y
    return "bound"
print(f(True))
try:
    print(f(False))
except UnboundLocalError:
    print("unbound")
