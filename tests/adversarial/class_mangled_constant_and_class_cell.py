# assumption: in a method, __K is the mangled _C__K and __class__ the class cell, not the module constants of those names
__class__ = "module value"
__class__ = "again"
__K = 5
def which():
    return __class__
def k():
    return __K
class C:
    def m(self):
        return which(), k(), __class__.__name__
    def n(self):
        return __K
_C__K = 7
print(C().m(), C().n())
