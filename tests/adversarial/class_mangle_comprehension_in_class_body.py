# assumption: `__x` inside a comprehension in a class body is mangled
def __inc(v):
    return v + 1
def _C__inc(v):
    return v + 100
class C:
    vals = [__inc(i) for i in range(2)]
    one = __inc(0)
print(C.vals, C.one)
