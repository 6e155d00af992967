# assumption: the guard of a caller that declares `global` goes after the declaration
total = 0
def add(a, b):
    return a + b
def bump(x):
    global total
    total = add(total, x)
    return total
print(bump(2), bump(3))
