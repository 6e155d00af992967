# assumption: an unused set display with a list element raises TypeError and is kept
def f():
    unused = {[1]}
    return "no"
try:
    print(f())
except TypeError as e:
    print("TypeError", e)
