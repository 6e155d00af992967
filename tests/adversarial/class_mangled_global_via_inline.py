# assumption: code inlined into a class method reads the global `__tag`, not `_C__tag`
__tag = "global tag"
def tag():
    return __tag
class C:
    def m(self):
        return tag()
print(C().m())
