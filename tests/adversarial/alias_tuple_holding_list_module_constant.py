# assumption: a module tuple holding a list is not an immutable constant to copy into call sites
T = (1, [2])
def second():
    return T[1]
second().append(3)
print(T, second())
