# assumption: an unused `[*o]` iterates o
class I:
    def __iter__(self):
        print("iter")
        return iter([1])
def f(o):
    unused = [*o]
    return 0
print(f(I()))
