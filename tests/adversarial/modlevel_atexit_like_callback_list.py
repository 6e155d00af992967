# assumption: calling functions stored in a module list at import time runs only analysed code
import sys
def add(a, b):
    return a + b
hooks = [lambda: setattr(sys.modules[__name__], "add", lambda a, b: a * b)]
for h in hooks:
    h()
print(add(2, 3))
