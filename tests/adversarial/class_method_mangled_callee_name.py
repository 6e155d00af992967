# assumption: a module function named with a leading double underscore called from a method is the global name after mangling
def __helper(x):
    return x + 1
_C__helper = lambda x: x * 100
class C:
    def m(self, x):
        return __helper(x)
print(C().m(2))
