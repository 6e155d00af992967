# assumption: `__class__` in a method is the class cell; a module function reading the global `__class__` keeps reading the global after inlining
__class__ = "module global"
def get():
    return __class__
class C:
    def m(self):
        return get(), __class__.__name__
    def n(self):
        return (lambda: __class__)().__name__
print(C().m(), C().n())
