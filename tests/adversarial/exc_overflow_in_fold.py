# assumption: float overflow at compile time is not folded; it raises OverflowError at run time
def big():
    return 10.0 ** 400
try:
    print(big())
except OverflowError as e:
    print("OverflowError", e)
