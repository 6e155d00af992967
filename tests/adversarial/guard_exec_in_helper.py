# assumption: a helper running `exec` in the module namespace cannot rebind a callee
# modes: default kernels
def add(a, b):
    return a + b
def patch():
    exec("add = lambda a, b: a * b", globals())
def f(x):
    patch()
    return add(x, x)
print(f(3))
