# assumption: a nested function reading a name local to its enclosing function reads that, not the module constant
N = 10
def outer():
    def inner():
        return N
    N = 20
    return inner()
print(outer())
