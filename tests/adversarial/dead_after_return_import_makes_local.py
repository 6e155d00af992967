# assumption: an `import` after `return` still makes the name local
import os
def f():
    try:
        return os.sep
    except UnboundLocalError:
        return "unbound"
    import os
print(f())
