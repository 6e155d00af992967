# assumption: under --assume-stable, a mangled read `__LIMIT` in a method is `_C__LIMIT`, not the module constant `__LIMIT`
__LIMIT = 1
_C__LIMIT = 2
class C:
    def m(self):
        return __LIMIT
print(C().m())
