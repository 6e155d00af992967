# assumption: hash() of a str depends on PYTHONHASHSEED and is not folded at compile time
# hashseeds: 0 2
def f():
    return hash("abc") == hash("abc"), hash(1), hash(-1), hash(())
print(f())
