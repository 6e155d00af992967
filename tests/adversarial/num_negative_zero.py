# assumption: -0.0 keeps its sign through folding and propagation
Z = -0.0
def neg():
    return -0.0
def f():
    z = 0.0 * -1
    return z, neg(), Z
print(f(), repr(-0.0 + 0.0), repr(0.0 * -1.0))
