# assumption: a parenthesized multi-line __future__ import after a docstring stays first; the builtin alias follows it
# -*- coding: utf-8 -*-
"""Doc with é."""
from __future__ import (
    annotations,
    generator_stop,
)
def f() -> list[int]:
    return [abs(-3), len("ab"), max(1, 2)]
print(f(), f.__annotations__)
