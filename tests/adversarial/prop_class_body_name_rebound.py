# assumption: a class-body name rebound in the class body is read with its current value
class C:
    x = 1
    y = x
    x = 2
    z = x
print(C.x, C.y, C.z)
