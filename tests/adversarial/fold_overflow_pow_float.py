# assumption: `2.0 ** 1024` raises OverflowError at run time, not at compile time
def f():
    return 2.0 ** 1024
try:
    f()
except OverflowError as e:
    print("OverflowError", e)
