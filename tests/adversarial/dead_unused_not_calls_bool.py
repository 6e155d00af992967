# assumption: an unused `not o` runs `o.__bool__`
class B:
    def __bool__(self):
        print("bool")
        return False
def f(o):
    unused = not o
    return 0
print(f(B()))
