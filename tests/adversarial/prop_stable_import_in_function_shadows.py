# assumption: `import x as N` in a function makes N local, shadowing the module constant
N = 10
def f(flag):
    if flag:
        import math as N
    try:
        return N
    except UnboundLocalError:
        return "unbound"
print(f(False), type(f(True)).__name__)
