# assumption: a function reading a module tuple can be folded, but not one reading a list a helper mutates
DATA = [1, 2, 3]
def total():
    return sum(DATA)
def grow():
    DATA.append(4)
grow()
print(total())
