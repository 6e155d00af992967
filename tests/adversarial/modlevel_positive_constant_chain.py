# assumption: propagating module constants into later import-time code is right when nothing opaque runs between
A = 2
B = A * 10
C = (A, B, A + B)
def scale(x):
    return x * B
print(A, B, C, scale(3), scale(A))
