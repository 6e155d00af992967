# assumption: a module `__getattr__` is kept even when nothing in the module calls it
import sys
def __getattr__(name):
    return "dyn:" + name
m = sys.modules[__name__]
print(m.whatever)
