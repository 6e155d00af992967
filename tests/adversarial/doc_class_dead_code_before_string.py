# assumption: removing dead code at the top of a class body does not create a class docstring
class C:
    if False:
        pass
    "not the doc"
print(C.__doc__)
