# assumption: under --assume-stable a module constant propagated into a function never becomes a literal operand of `is`
LIMIT = 10
NAME = "n"
def g(x):
    return x is LIMIT, NAME is not x
print(g(10), g(None))
