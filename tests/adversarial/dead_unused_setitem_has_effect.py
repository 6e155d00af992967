# assumption: `d[k] = v` on a user object runs __setitem__ even if d is never read again
class D:
    def __setitem__(self, k, v):
        print("set", k, v)
def f():
    d = D()
    d[1] = 2
    return "ok"
print(f())
