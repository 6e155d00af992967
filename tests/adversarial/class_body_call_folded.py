# assumption: folding a call in a class body gives the same class attributes (positive)
def sq(x):
    return x * x
class C:
    A = sq(4)
    B = (A, sq(2))
print(C.A, C.B)
