# assumption: a callee with a parameter `__v` inlined into a method (where `__v` would be mangled) gives the same value
def twice(__v):
    t = __v * 2
    return t
class C:
    def m(self, x):
        r = twice(x + 1)
        return r
print(C().m(3))
