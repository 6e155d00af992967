# assumption: `__x` in a method's default and decorator inside a class is mangled
def __three():
    return 3
def _C__three():
    return 30
def __deco(fn):
    fn.tag = "plain"
    return fn
def _C__deco(fn):
    fn.tag = "mangled"
    return fn
class C:
    @__deco
    def m(self, k=__three()):
        return k
print(C().m(), C.m.tag)
