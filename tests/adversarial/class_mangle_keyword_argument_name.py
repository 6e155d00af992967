# assumption: keyword argument names in a call inside a class are not mangled (`f(__p=1)` binds parameter `__p`); inlining or folding it gives the same value
def f(__p):
    return __p + 1
class C:
    def m(self):
        return f(__p=1)
    try:
        body = f(__p=2)
    except TypeError as e:
        body = str(e)
print(C.body)
try:
    print(C().m())
except TypeError as e:
    print("TypeError", e)
