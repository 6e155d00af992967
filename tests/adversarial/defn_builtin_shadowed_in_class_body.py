# assumption: a class body binding `len` shadows it only in the class body, not in module functions
def size(s):
    return len(s)
class C:
    len = staticmethod(lambda s: 0)
    n = len("abc")
print(size("abc"), C.n)
