# assumption: `__x` in a function nested in a method is mangled too (never the module global `__x`)
def __double(v):
    return v * 2
def _C__double(v):
    return v * 3
class C:
    def m(self):
        def inner(v):
            return __double(v)
        return inner(5), (lambda v: __double(v))(5)
print(C().m())
