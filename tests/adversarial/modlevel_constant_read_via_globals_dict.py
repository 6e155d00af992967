# assumption: a module constant read through `globals()` has its value
K = 7
def f():
    return globals()["K"] * 2
print(f())
