# assumption: a folded string holding a lone surrogate is written as an escape (the file stays valid UTF-8)
def f():
    return chr(0xD800) + "x"
print(ascii(f()), len(f()))
