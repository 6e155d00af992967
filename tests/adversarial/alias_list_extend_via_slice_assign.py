# assumption: slice assignment through an alias mutates the shared list
def f():
    a = [1, 2, 3]
    b = a
    b[1:] = []
    return a, len(a)
print(f())
