# assumption: builtin aliases go after the docstring and __future__ imports, and the module rebinding builtins.len later makes the guard fail
"""Module doc."""
from __future__ import annotations
import builtins
def count(s):
    return len("abc") + len(s)
print(count("xy"), __doc__)
real = builtins.len
builtins.len = lambda s: 100
try:
    print(count("xy"))
finally:
    builtins.len = real
