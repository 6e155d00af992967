# assumption: inlining a helper into a method that reads a class-level name does not see the class scope
V = "module"
def get():
    return V
class C:
    V = "class"
    def m(self):
        return get()
print(C().m())
