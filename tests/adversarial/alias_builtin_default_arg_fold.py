# assumption: a builtin folded in a default value is evaluated at def time against what the name is then
import builtins
builtins.len = lambda s: 42
def f(n=len("abc")):
    return n
print(f())
