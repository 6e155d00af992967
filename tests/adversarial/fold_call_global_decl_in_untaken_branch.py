# assumption: a `global` declaration in a branch the call does not take still makes the name global: `h(False)` writes the module's Z
Z = 0
def h(flag):
    if flag:
        global Z
    Z = 3
    return flag
print(h(False), Z)
