# assumption: an item assignment through an alias changes the list both names see
def f():
    a = [1, 2]
    b = a
    b[0] = 9
    return a
print(f())
