# assumption: a walrus in a comprehension makes the name local to the enclosing function (module constant not propagated)
N = 10
def f():
    [N := i for i in range(3)]
    return N
def g():
    return N
print(f(), g())
