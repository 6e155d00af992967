# assumption: a module constant also bound by a walrus is not stable
N = 1
def get():
    return N
print(get())
if (N := 7):
    pass
print(get())
