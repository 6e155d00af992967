# assumption: a folded bytes value with high bytes and quotes reads back the same
def f():
    return bytes(range(250, 256)) + b"'\"" + bytes([0, 10, 13])
print(f())
