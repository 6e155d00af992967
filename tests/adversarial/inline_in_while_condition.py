# assumption: an inlined call in a while condition is re-evaluated every iteration
def small(i):
    return i < 3
def f():
    i = 0
    while small(i):
        i += 1
    return i
print(f())
