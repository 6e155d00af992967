# assumption: a comprehension in a class body does not see the class's `len` (it reads the builtin); the class body itself does
class C:
    len = staticmethod(lambda s: 99)
    inside = len("abc")
    comp = [len("abc") for _ in range(1)]
print(C.inside, C.comp)
