# assumption: a default bound to a module list is that list (mutations of it are seen)
L = []
def f(a=L):
    return len(a)
L.append(1)
print(f(), f([]))
