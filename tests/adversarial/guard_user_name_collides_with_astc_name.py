# assumption: astc's own names (`_astc_add`) never collide with a user's module names
# modes: default kernels
def add(a, b):
    return a + b
def f(x):
    return add(x, x)
_astc_add = "user value"
print(f(3), _astc_add)
