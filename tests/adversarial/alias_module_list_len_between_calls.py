# assumption: module-level calls reading a list cannot be folded from the list's initial value
L = [1]
def n():
    return len(L)
a = n()
L.append(2)
b = n()
print(a, b)
