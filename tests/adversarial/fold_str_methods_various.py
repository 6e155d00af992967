# assumption: folded str/bytes methods give what CPython gives
def f():
    return ("a,b,,c".split(","), "ß".upper(), "İ".lower(), b"ab".hex(), "x".center(5, "*"),
            "Hello".casefold(), "a\tb".expandtabs(4), "ǅ".title())
print(f())
