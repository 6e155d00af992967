# helper module (not a program): lists the non-dunder names of a module
import sys


def public_names(name):
    return sorted(n for n in vars(sys.modules[name]) if not n.startswith("__"))
