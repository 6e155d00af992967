# assumption: an unused assignment `x = -o` runs `o.__neg__`, so it is not dead
class N:
    def __neg__(self):
        print("neg called")
        return 0
def f(o):
    unused = -o
    return 1
print(f(N()))
