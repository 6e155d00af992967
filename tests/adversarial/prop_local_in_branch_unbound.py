# assumption: a local bound only in a branch is not propagated to a read after the branch
def f(c):
    if c:
        x = 1
    try:
        return x
    except UnboundLocalError:
        return "unbound"
print(f(True), f(False))
