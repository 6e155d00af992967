# assumption: a default value mangled in a method body is not pasted as the unmangled name
__limit = 3
def cap(x, hi=None):
    return x if hi is None else min(x, hi)
class C:
    __limit = 1
    def m(self, x):
        return cap(x, self.__limit)
print(C().m(5))
