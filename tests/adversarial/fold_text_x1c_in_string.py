# assumption: a \x1c..\x1e control character inside a string literal is not a line break for the folder
def f():
    s = 'abcd'
    print(ascii(s), 6 * 7)
    print(1 << 4)
f()
