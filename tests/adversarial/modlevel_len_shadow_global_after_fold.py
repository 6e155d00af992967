# assumption: a module binding `len` after a fold makes later `len(...)` calls use it
def size(x):
    return len(x)
print(size("abc"))
def len(x):
    return -1
print(size("abc"))
