# assumption: a folded call in a default value is checked when the `def` runs (after a module-level rebinding)
import sys
def seven():
    return 7
sys.modules[__name__].seven = lambda: 8
def f(x=seven()):
    return x
print(f())
