# assumption: after `del` of a class-body name, a read in the class body finds the module global
N = "global"
class C:
    N = "class"
    del N
    M = N
print(C.M)
