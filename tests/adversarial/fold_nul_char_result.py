# assumption: a folded string holding NUL is written as an escape (a NUL byte in source is a SyntaxError)
def f():
    return "a" + chr(0) + "b"
print(repr(f()))
