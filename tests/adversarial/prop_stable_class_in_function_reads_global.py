# assumption: a class body inside a function reads a module constant that the function doesn't bind
N = 10
def f():
    class K:
        M = N + 1
    return K.M
print(f())
