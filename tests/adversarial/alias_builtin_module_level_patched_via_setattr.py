# assumption: a module-level `setattr(builtins, "abs", ...)` after the alias is taken makes folded `abs(-2)` take the slow path
import builtins
def f():
    return abs(-2) + abs(-3)
print(f())
orig = builtins.abs
setattr(builtins, "abs", lambda v: 0)
print(f())
builtins.abs = orig
print(f())
