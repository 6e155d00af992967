# assumption: propagating a constant into an `is` comparison must not create `"s" is y`
S = "abc"
def same(y):
    return S is y
print(same("abc"), same(None))
