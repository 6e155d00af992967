# assumption: a local read by a class body in the function is captured, and sees a later rebinding in order
def f():
    x = 1
    class K:
        y = x
    x = 2
    class L:
        y = x
    return K.y, L.y
print(f())
