# assumption: a walrus in a comprehension rebinds the enclosing local, so its first value is not propagated
def f():
    x = 0
    ys = [(x := i) for i in range(3)]
    return x, ys
print(f())
