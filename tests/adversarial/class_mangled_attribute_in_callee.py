# assumption: inlining a function that reads `o.__x` into a method would mangle the attribute name
class Holder:
    pass
def get(o):
    return o.__x
h = Holder()
setattr(h, "__x", "unmangled")
class C:
    def m(self, o):
        return get(o)
print(C().m(h))
