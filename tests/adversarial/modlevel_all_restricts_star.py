# assumption: a module `__all__` is kept and restricts `from __main__ import *`
__all__ = ["pub"]
def pub():
    return helper() + 1
def helper():
    return 1
ns = {}
exec("from __main__ import *", ns)
print(sorted(k for k in ns if not k.startswith("__")), pub())
