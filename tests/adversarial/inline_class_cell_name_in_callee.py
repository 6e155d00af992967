# assumption: a callee reading the global `__class__` is not given the method's class cell when inlined
__class__ = "module value"
def which():
    return __class__
class C:
    def m(self):
        return which(), __class__.__name__
print(C().m())
