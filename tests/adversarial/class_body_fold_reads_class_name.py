# assumption: a class attribute named like a module constant is not that constant inside the class body
N = 1
class C:
    N = 2
    M = N * 10
def f():
    return N * 10
print(C.M, f())
