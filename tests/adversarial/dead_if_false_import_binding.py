# assumption: a dead `import` inside a function still makes the name local
import os
def f():
    if False:
        import os
    try:
        return os.sep
    except UnboundLocalError:
        return "UnboundLocalError"
print(f())
