# assumption: dead-code removal keeps a class-body `global` that changes where the class body binds
x = "module"
class C:
    global x
    if False:
        pass
    x = "rebound from class body"
print(x, hasattr(C, "x"))
