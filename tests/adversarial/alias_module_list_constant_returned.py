# assumption: a module-level list is never a shared constant: a function returning it returns THE list
L = [1, 2]
def get():
    return L
get().append(3)
print(L, get())
