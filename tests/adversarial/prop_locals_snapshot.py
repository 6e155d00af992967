# assumption: a function using `locals()` keeps its locals (no propagation or dead removal)
def f():
    a = 1
    b = a + 1
    return sorted(locals().items())
print(f())
