# assumption: a module constant read by a star-import consumer keeps its value; `__all__` is kept
import sys, types
SRC = "__all__ = ['A']\nA = 1\nB = 2\n"
m = types.ModuleType("mm")
exec(SRC, m.__dict__)
sys.modules["mm"] = m
ns = {}
exec("from mm import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))
