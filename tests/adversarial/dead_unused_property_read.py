# assumption: an unused assignment from a property read runs the property
class C:
    @property
    def p(self):
        print("property ran")
        return 1
def f(c):
    unused = c.p
    return 0
print(f(C()))
