# assumption: complex results fold to a literal that reads back exactly (signed zeros included)
def c():
    return complex(0.0, -0.0), 1j * 1j, -(0j)
print(c())
