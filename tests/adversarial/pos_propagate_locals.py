# assumption: propagation of local constants and copies is right (positive)
def area(r):
    pi = 3.14159
    s = r * r
    t = s
    return pi * t
print(area(2), area(0.5))
