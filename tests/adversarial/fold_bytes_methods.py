# assumption: bytes methods fold like CPython
def f():
    return b"a-b".split(b"-"), b"abc".upper(), bytes([65, 66]), b"x" * 3, b"abc"[1], b"abc"[1:]
print(f())
