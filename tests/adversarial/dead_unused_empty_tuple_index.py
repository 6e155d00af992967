# assumption: an unused `()[0]` raises IndexError and is kept
def f():
    unused = ()[0]
    return "no"
try:
    print(f())
except IndexError as e:
    print("IndexError", e)
