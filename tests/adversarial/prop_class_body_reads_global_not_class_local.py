# assumption: a method reads the module global, not the class-body name of the same spelling
x = "global"
class C:
    x = "class"
    def m(self):
        return x
print(C().m(), C.x)
