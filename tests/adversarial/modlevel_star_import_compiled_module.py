# assumption: `from mod_star import *` of a compiled-style module exports only public names (no _astc_*)
import sys
def add(a, b):
    return a + b
def twice(x):
    return add(x, x)
print(twice(3))
ns = {}
exec("from __main__ import *", ns)
print(sorted(k for k in ns if not k.startswith("__") and k not in ("sys", "ns")))
