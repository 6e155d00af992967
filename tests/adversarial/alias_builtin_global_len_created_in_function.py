# assumption: a function that declares `global len` and binds it makes the folded `len("abc")` guard fail
def size():
    return len("abc")
def shadow():
    global len
    len = lambda s: -1
print(size())
shadow()
print(size())
del len
print(size())
