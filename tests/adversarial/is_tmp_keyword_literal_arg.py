# assumption: a literal passed by keyword to an inlined `is` comparison goes through a temporary
def same(a, b):
    return a is b
def g(o):
    return same(b=o, a=3), same(a=o, b=o), same(o, "s")
print(g(3.5))
