# assumption: in a class named only with underscores, `__x` is not mangled (it is the module global `__x`)
def __helper(v):
    return v * 2
__K = 7
class ___:
    def m(self):
        return __helper(3) + __K
print(___().m())
