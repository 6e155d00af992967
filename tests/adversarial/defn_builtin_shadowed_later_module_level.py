# assumption: `len("ab")` folds to 2 only if nothing in the module ever binds `len`
print(len("ab"))
def len(x):
    return -1
print(len("ab"))
