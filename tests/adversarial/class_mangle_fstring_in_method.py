# assumption: `__x` inside an f-string in a method is mangled
def __name_of():
    return "plain"
def _C__name_of():
    return "mangled"
class C:
    def m(self):
        return f"{__name_of()}!"
print(C().m())
