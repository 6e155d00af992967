# helper module (not a program): lists the non-dunder names of a module, apart from astc's
# `_astc_*` guard aliases (a documented difference: docs/semantics.md, "Differences")
import sys


def public_names(name):
    return sorted(n for n in vars(sys.modules[name]) if not n.startswith(("__", "_astc_")))
