# assumption: an unused f-string runs `__format__`
class F:
    def __format__(self, spec):
        print("format", spec)
        return "x"
def f(o):
    unused = f"{o:spec}"
    return 0
print(f(F()))
