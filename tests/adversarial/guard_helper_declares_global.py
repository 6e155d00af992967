# assumption: a module function that rebinds a global with `global` is not guard-safe
# modes: default kernels
def add(a, b):
    return a + b
def mul(a, b):
    return a * b
def swap():
    global add
    add = mul
def f(x):
    swap()
    return add(x, x)
print(f(3))
