# assumption: under --assume-stable the module rebinding itself through `import __main__` is not "outside"
# modes: stable
import __main__ as me
def add(a, b):
    return a + b
def f(x):
    return add(x, x)
me.add = lambda a, b: a * b
print(f(3))
