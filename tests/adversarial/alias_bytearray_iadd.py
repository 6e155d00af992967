# assumption: `+=` on a bytearray mutates in place; aliases see the change
def f():
    a = bytearray(b"x")
    b = a
    b += b"y"
    return bytes(a)
print(f())
