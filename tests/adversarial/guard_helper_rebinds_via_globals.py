# assumption: a helper called after the entry guard cannot rebind the callee (it can, through globals())
# modes: default kernels
def add(a, b):
    return a + b
def patch():
    globals()["add"] = lambda a, b: a * b
def f(x):
    patch()
    return add(x, x)
print(f(3))
