# assumption: `__x` in a nested class is mangled with the innermost class name
def _Outer__f():
    return "outer"
def _Inner__f():
    return "inner"
class Outer:
    class Inner:
        def m(self):
            return __f()
    def m(self):
        return __f()
print(Outer().m(), Outer.Inner().m())
