# assumption: an unused tuple unpacking of the wrong length raises ValueError and is kept
def f():
    a, b = 1, 2, 3
    return "no"
try:
    print(f())
except ValueError as e:
    print("ValueError", e)
