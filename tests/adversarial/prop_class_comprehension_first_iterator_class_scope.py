# assumption: in a class body, a comprehension's first iterator reads the class name, its body reads the global
N = 2
class C:
    N = 4
    A = [i for i in range(N)]
    B = [N for _ in range(2)]
def f():
    return N
print(C.A, C.B, f())
