# assumption: an out-of-range constant subscript raises IndexError at run time, not at compile time
T = (1, 2)
def third():
    return T[2]
try:
    third()
except IndexError as e:
    print("IndexError", e)
