# assumption: the compiled module has the same module-level names (no extra `_astc_` globals visible to `dir()`)
import sys
def add(a, b):
    return a + b
def f(x):
    return add(x, x)
print(f(3))
print([n for n in dir(sys.modules[__name__]) if not n.startswith("__")])
